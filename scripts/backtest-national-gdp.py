"""Writes backtests/*.json: China's national GDP growth target of each year (and two provinces' for 2018),
a simple growth model known at the base year (last year's growth carried forward, give or take a
point), and the growth that happened. Every figure is from the source named beside it (read
2026-12-01). Run: python3 scripts/backtest-national-gdp.py"""
import json, math

S = {
    'belfast-2014-03-05': ('China targeting 7.5% expansion', 'Belfast Telegraph', '2014-03-05', 'https://www.belfasttelegraph.co.uk/business/news/china-targeting-75-expansion-30067886.html'),
    'fbt-2015-03': ('China targets 7% growth', 'Fresh Business Thinking', '2015-03', 'https://www.freshbusinessthinking.com/purpose/china-targets-7-growth/37562.article'),
    'gwr-2016-hjenglish': ('Report on the Work of the Government 2016 (bilingual text)', 'hjenglish.com (text of the State Council report)', '2016-03-05', 'https://www.hjenglish.com/new/p768443/'),
    'gwr-2016-people': ('Report on the Work of the Government (14): main development targets for 2016', "People's Daily Online", '2016-03-17', 'http://en.people.cn/n3/2016/0317/c90785-9031778-14.html'),
    'cnbc-2017-03-04': ('China aims for around 6.5 percent economic growth in 2017', 'CNBC (Reuters)', '2017-03-04', 'http://www.cnbc.com/2017/03/04/china-aims-for-around-65-percent-economic-growth-in-2017.html'),
    'straitstimes-2018-01-19': ('China beats forecast with 6.9% growth last year', 'The Straits Times', '2018-01-19', 'http://www.straitstimes.com/asia/east-asia/china-beats-forecast-with-69-growth-last-year'),
    'laht-2018-03': ('China Keeps GDP Growth Target at 6.5%', 'Latin American Herald Tribune (EFE)', '2018-03-05', 'http://www.laht.com/article.asp?ArticleId=2452039&CategoryId=12396'),
    'timeskuwait-2019-01': ("China's 2018 GDP growth slowest in 28 years", 'The Times Kuwait', '2019-01-21', 'https://www.timeskuwait.com/news/chinas-2018-gdp-growth-slowest-in-28-years/'),
    'cgtn-2019-03-05': ('China aims for 6- to 6.5-percent GDP growth in 2019', 'CGTN', '2019-03-05', 'https://news.cgtn.com/news/3d3d414f3241544d33457a6333566d54/index.html'),
    'govcn-2020-01-17': ('China 2019 GDP grows 6.1%', 'english.www.gov.cn (China Daily)', '2020-01-17', 'http://english.www.gov.cn/archive/statistics/202001/17/content_WS5e211c6fc6d0891feec02791.html'),
    'newsline-2021-03': ('China targets hot pace for economic growth', 'Newsline (newslineuz.com)', '2021-03-05', 'https://newslineuz.com/article/979500/'),
    'scio-2022-01-17': ("China's economy posted stable growth in 2021 (Xinhua)", 'State Council Information Office', '2022-01-17', 'http://english.scio.gov.cn/pressroom/2022-01/17/content_77993793.htm'),
    'nhk-2023-01-17': ('China 2022 GDP growth slows to 3.0%', 'NHK World', '2023-01-17', 'https://www3.nhk.or.jp/nhkworld/en/news/20230117_17/'),
    'nikkei-2023-01-17': ("China's economy grew 3% in 2022, among weakest in decades", 'Nikkei Asia', '2023-01-17', 'https://asia.nikkei.com/Economy/China-s-economy-grew-3-in-2022-among-weakest-in-decades'),
    'nzherald-2023': ('Will China reach its 2023 targets?', 'Gisborne Herald (NZ Herald)', '2023', 'https://www.nzherald.co.nz/gisborne-herald/news/will-china-reach-its-2023-targets/MYV3XUS3XNBQVIQQR6PPBTFJEY'),
    'bjreview-2024-03': ('Two Sessions, One Mission', 'Beijing Review (via Everand)', '2024-03', 'https://www.everand.com/article/713398450/Two-Sessions-One-Mission'),
    'people-2024-03-13': ('China releases full text of government work report (Xinhua)', "People's Daily Online", '2024-03-13', 'http://en.people.cn/n3/2024/0313/c90000-20144300.html'),
    'people-2025-01-17': ('China reports 5% GDP growth in 2024 (China Daily)', "People's Daily Online", '2025-01-17', 'http://en.people.cn/n3/2025/0117/c90000-20267646.html'),
    'rhodium-2023-12-29': ("Through the Looking Glass: China's 2023 GDP and the Year Ahead (Rhodium Group, read via a copy)", 'Scribd (copy of the Rhodium Group note)', '2023-12-29', 'https://www.scribd.com/document/718725713/Through-the-Looking-Glass-Chinas-2023-GDP-and-the-Year-Ahead'),
    'cer-2024-01-12': ('The GDP awaits', 'China Economic Review', '2024-01-12', 'https://chinaeconomicreview.com/the-gdp-awaits/'),
    'atlanticcouncil-2025-01-16': ("China's economic performance: New numbers, same overstatement (Rosen and Smith, Rhodium Group)", 'Atlantic Council', '2025-01-16', 'https://www.atlanticcouncil.org/blogs/econographics/sinographs/chinas-economic-performance-new-numbers-same-overstatement/'),
    'chinadaily-2018-01-26': ('Local govts revise GDP growth targets', 'China Daily (read via a mirror of the article)', '2018-01-26', 'http://www.chinadaily.com.cn/a/201801/26/WS5a6a6afaa3106e7dcc136b10.html'),
    'nzherald-2018-01': ("Chinese provinces rush to lower GDP targets (South China Morning Post)", 'NZ Herald', '2018-01', 'https://www.nzherald.co.nz/business/news/article.cfm?c_id=3&objectid=11983546&ref=rss'),
    'zhongxin-2019-01-31': ('31 provinces in 2018 GDP: 18 places grew faster than the country (Zhongxin Jingwei, translated)', 'charityinchina.cn (repost)', '2019-01-31', 'https://charityinchina.cn/31-provinces-in-2018-gdp-18-places-to-accelerate-the-national-victory-the-two-provinces-broke-9-trillion/'),
}

# year: (previous year's growth, its source, target (lower end), target wording, its source, actual growth, its source, note)
YEARS = {
    2014: (0.077, 'fbt-2015-03', 0.075, 'around 7.5%', 'belfast-2014-03-05', 0.074, 'fbt-2015-03',
           'Missed by 0.1 point: China Daily called it the first miss since 1998. No reference class named: the class counts 1998-2014, this year included.'),
    2015: (0.074, 'fbt-2015-03', 0.07, 'around 7%', 'fbt-2015-03', 0.069, 'gwr-2016-hjenglish',
           'Counted strictly (6.9% < 7%), as China Daily counted 2014; the government report for 2016 says the main targets for 2015 were fulfilled, reading "around 7%" as met.'),
    2016: (0.069, 'gwr-2016-hjenglish', 0.065, '6.5% to 7% (the first range)', 'gwr-2016-people', 0.067, 'cnbc-2017-03-04',
           'A range: met at its lower end. The official figure sits inside the range.'),
    2017: (0.067, 'cnbc-2017-03-04', 0.065, 'around 6.5%, or higher if possible', 'cnbc-2017-03-04', 0.069, 'straitstimes-2018-01-19',
           'First official estimate; later revised to 6.8% (Reuters, January 2019).'),
    2018: (0.069, 'straitstimes-2018-01-19', 0.065, 'around 6.5%', 'laht-2018-03', 0.066, 'timeskuwait-2019-01',
           'Cleared the target by 0.1 point: official figures that land just above a target may be bunched there.'),
    2019: (0.066, 'timeskuwait-2019-01', 0.06, '6% to 6.5%', 'cgtn-2019-03-05', 0.061, 'govcn-2020-01-17',
           'Cleared the lower end of the range by 0.1 point: official figures that land just above a target may be bunched there.'),
    2021: (0.023, 'newsline-2021-03', 0.06, 'above 6%', 'newsline-2021-03', 0.081, 'scio-2022-01-17',
           'After the pandemic year (2.3% in 2020; no target was set for 2020): carrying last year forward misses the rebound by design.'),
    2022: (0.081, 'scio-2022-01-17', 0.055, 'around 5.5%', 'nikkei-2023-01-17', 0.03, 'nhk-2023-01-17',
           'Missed by 2.5 points (pandemic controls).'),
    2023: (0.03, 'nhk-2023-01-17', 0.05, 'around 5%', 'nzherald-2023', 0.052, 'bjreview-2024-03',
           'Cleared the target by 0.2 point.'),
    2024: (0.052, 'bjreview-2024-03', 0.05, 'around 5%', 'people-2024-03-13', 0.05, 'people-2025-01-17',
           'Met exactly (5.0% against around 5%): official figures that land on a target may be bunched there.'),
}

# Independent estimates of national growth, recorded beside the official figure (`--series independent`):
# year: (estimate, its source(s), note).
INDEPENDENT = {
    2023: (0.015, ['rhodium-2023-12-29', 'cer-2024-01-12'],
           'Rhodium Group, 29 December 2023, before the official figure: "actual growth in 2023 was more like 1.5%" (from expenditure-side components, not official GDP). An independent estimate, itself uncertain; it would miss the target.'),
    2024: (0.026, ['atlanticcouncil-2025-01-16'],
           'Rhodium Group (Rosen and Smith, Atlantic Council, 16 January 2025): China\'s GDP "grew between 2.4 percent and 2.8 percent in 2024"; recorded at the midpoint, 2.6% (either end misses the target).'),
}

# Provincial-level targets for 2018: (id, name, previous year's growth, its source, target, wording, its source, actual, its source, note)
PROVINCES = [
    ('tianjin', 'Tianjin', 0.036, 'chinadaily-2018-01-26', 0.05, 'around 5% (cut from 8% for 2017)', 'chinadaily-2018-01-26', 0.036, 'zhongxin-2019-01-31',
     'Missed. Tianjin had admitted that its Binhai New Area overstated its 2016 GDP by a third (NZ Herald); the outcome reached us through a repost.'),
    ('inner-mongolia', 'Inner Mongolia', 0.04, 'nzherald-2018-01', 0.065, 'about 6.5% (cut from 7.5% for 2017)', 'nzherald-2018-01', 0.05, 'zhongxin-2019-01-31',
     'Missed. Inner Mongolia had admitted inflating 2016 industrial output by about 40%; the outcome reached us through a repost.'),
]

S.update({
    'chinabankingnews-2019-01-30': ('Chinese Provinces Dial Down 2019 GDP Targets', 'China Banking News', '2019-01-30', 'http://www.chinabankingnews.com/2019/01/30/chinese-provinces-dial-down-2019-gdp-targets/'),
    'pdnews-2020-01-14': ('Economic powerhouse Guangdong reports 6.3 pct GDP growth in 2019 (Xinhua)', "People's Daily (pdnews.cn)", '2020-01-14', 'https://peoplesdaily.pdnews.cn/china/economic-powerhouse-guangdong-reports-6-3-pct-gdp-growth-in-2019-116815.html'),
    'imsilkroad-2020-01-15': ("Shanghai's GDP estimated to grow by over 6 percent in 2019 (Xinhua)", 'Xinhua Silk Road (imsilkroad.com)', '2020-01-15', 'https://en.imsilkroad.com/p/310566.html'),
    'chinadaily-2020-03-06': ("Beijing's economy performed steadily in 2019", 'China Daily', '2020-03-06', 'http://covid-19.chinadaily.com.cn/m/beijing/zhongguancun/2020-03/06/content_37534242.htm'),
    'cnr-2021-01-22': ('2020年天津市地区生产总值比上年增长1.5% (Tianjin statistics bureau)', 'CNR (China National Radio), Tianjin', '2021-01-21', 'http://cnr.cn/tj/jrtj/20210122/t20210122_525397402.shtml'),
    'nampa-2021-01-25': ("China's Tianjin targets 6.5 pct GDP growth in 2021 (Xinhua)", 'NAMPA', '2021-01-25', 'https://www.nampa.org/index.php?model=categories&function=display&id=20890260'),
    'people-2022-01-20': ("China's Tianjin posts 6.6 pct GDP growth in 2021 (Xinhua)", "People's Daily Online", '2022-01-20', 'http://en.people.cn/n3/2022/0120/c90000-9947590.html'),
    'anhuinews-2019-02-18': ('Chinese Provinces to Promote Economy toward High-quality Development (People\'s Daily Online)', 'Anhui News', '2019-02-18', 'http://english.anhuinews.com/economy1/201902/t20190218_4190022.html'),
    'cgtn-2020-01-07': ("Tibet's GDP grows 9% in 2019 (Xinhua)", 'CGTN', '2020-01-07', 'https://news.cgtn.com/news/2020-01-07/Tibet-s-GDP-grows-9-in-2019-N3L7YfEdGM/index.html'),
    'cer-2021-02-02': ("China GDP: two-thirds of provinces beat national growth figure in 2020 (SCMP)", 'China Economic Review', '2021-02-02', 'https://chinaeconomicreview.com/china-gdp-two-thirds-of-provinces-beat-national-growth-figure-in-2020/'),
    'cri-2020-01': ('Chongqing reported 6.3% economic growth in 2019 (CRI, in Russian)', 'Seldon News (CRI Russian)', '2020-01', 'https://news.myseldon.com/ru/news/index/221667928?requestId=e0783460-e0b7-497e-b366-3a6122a4234a'),
    'chinaorg-2021-01-21': ("Chongqing's GDP grows 3.9 pct in 2020 (Xinhua)", 'China.org.cn', '2021-01-21', 'http://www.china.org.cn/china/Off_the_Wire/2021-01/21/content_77139876.htm'),
    'ansa-2022-01-17': ('Cina: Pil della città di Chongqing +8,3% nel 2021 (ANSA-Xinhua)', 'ANSA', '2022-01-17', 'https://www.ansa.it/sito/notizie/mondo/dalla_cina/2022/01/17/cina-pil-della-citta-di-chongqing-83-nel-2021_f0391a51-41ce-491c-a202-7ef6381b5348.html'),
})

# Provincial-level targets after 2018, by the same method. These name the provincial class: its
# headline count (2018, SCMP, published in early 2019) was known at the start of each year forecast.
PROVINCIAL_CLASS = 'cn-provincial-gdp-growth-target'
LATER_PROVINCES = [
    ('guangdong', 'Guangdong', 2019, 0.068, 'chinabankingnews-2019-01-30', 0.06, '6% to 6.5%', 'chinabankingnews-2019-01-30', 0.063, 'pdnews-2020-01-14',
     "The governor's estimate in the 2020 work report (\"around 6.3%\"), inside the range."),
    ('beijing', 'Beijing', 2019, 0.066, 'zhongxin-2019-01-31', 0.06, '6% to 6.5%', 'chinabankingnews-2019-01-30', 0.061, 'chinadaily-2020-03-06',
     "Beijing's growth of 2018 equalled the national 6.6% (Zhongxin Jingwei). Cleared the lower end by 0.1 point: official figures that land just above a target may be bunched there."),
    ('shanghai', 'Shanghai', 2019, 0.066, 'zhongxin-2019-01-31', 0.06, '6% to 6.5%', 'chinabankingnews-2019-01-30', 0.06, 'imsilkroad-2020-01-15',
     "Shanghai's growth of 2018 equalled the national 6.6% (Zhongxin Jingwei). The mayor's estimate was \"over 6 percent\": recorded as 6.0%, the lower end of the range, which it meets; a figure reported as just clearing its target may be bunched there."),
    ('tibet', 'Tibet', 2019, 0.10, 'chinabankingnews-2019-01-30', 0.10, 'around 10%', 'anhuinews-2019-02-18', 0.09, 'cgtn-2020-01-07',
     "The regional chairman's estimate in the 2020 work report (\"about 9 percent\"). Missed: a target set at last year's growth."),
    ('tibet', 'Tibet', 2020, 0.09, 'cgtn-2020-01-07', 0.09, 'about 9%', 'cgtn-2020-01-07', 0.078, 'cer-2021-02-02',
     'Set in January 2020, before the pandemic; missed, though Tibet still grew fastest of the 31 provincial-level regions.'),
    ('chongqing', 'Chongqing', 2020, 0.063, 'cri-2020-01', 0.06, 'around 6%', 'cri-2020-01', 0.039, 'chinaorg-2021-01-21',
     'Set in January 2020, before the pandemic; missed.'),
    ('chongqing', 'Chongqing', 2021, 0.039, 'chinaorg-2021-01-21', 0.06, 'above 6%', 'chinaorg-2021-01-21', 0.083, 'ansa-2022-01-17',
     'After the pandemic year (3.9% in 2020): carrying last year forward misses the rebound by design.'),
    ('tianjin', 'Tianjin', 2021, 0.015, 'cnr-2021-01-22', 0.065, '6.5%', 'nampa-2021-01-25', 0.066, 'people-2022-01-20',
     'After the pandemic year (1.5% in 2020): carrying last year forward misses the rebound by design. Cleared the target by 0.1 point, as official figures that land just above a target tend to.'),
]

ROWS = [(f'cn-national-gdp-{y}', f"China's national GDP growth target for {y} (backtest)", 'China (national)', y, *v) for y, v in YEARS.items()]
ROWS += [(f'cn-{pid}-gdp-2018', f"{name}'s GDP growth target for 2018 (backtest)", f'{name}, China (provincial level)', 2018, *rest) for pid, name, *rest in PROVINCES]
ROWS += [(f'cn-{pid}-gdp-{year}', f"{name}'s GDP growth target for {year} (backtest)", f'{name}, China (provincial level)', year, *rest) for pid, name, year, *rest in LATER_PROVINCES]
# Tianjin's 2017 target, from the same China Daily report: 8% for 2017, after 9% in 2016; 3.6% in 2017.
ROWS.append(('cn-tianjin-gdp-2017', "Tianjin's GDP growth target for 2017 (backtest)", 'Tianjin, China (provincial level)', 2017,
             0.09, 'chinadaily-2018-01-26', 0.08, '8%', 'chinadaily-2018-01-26', 0.036, 'chinadaily-2018-01-26',
             'Missed by 4.4 points, the lowest growth since 1989 (China Daily), after the Binhai New Area admitted overstating its 2016 GDP.'))

for park_id, park_name, location, year, prev, prev_src, target, wording, target_src, actual, actual_src, note in ROWS:
    national = park_id.startswith('cn-national')
    independent = INDEPENDENT.get(year) if national else None
    used = sorted({prev_src, target_src, actual_src, *(independent[1] if independent else [])})
    target_def = {
        'id': f'gdp-growth-{year}',
        'label': f'Real GDP growth of {wording} in {year}',
        'metric': 'realGdp',
        'comparison': '>=',
        'threshold': target,
        'deadline': year,
        'measure': 'yearOnYear',
        'source': target_src,
        'note': f'The {"national" if national else "provincial"} government work report of {year} sets "{wording}"; met when growth is at least {target * 100:g}%, the convention the press used for 2014.',
    }
    # 2014 is inside the class's headline count (1998-2014), and the provincial class's counts of
    # 2018 are of the year forecast: naming them would let the outcome leak into the base rate.
    if national and year != 2014:
        target_def['referenceClass'] = 'cn-national-gdp-growth-target'
    if not national and year > 2018:
        target_def['referenceClass'] = PROVINCIAL_CLASS
    doc = {
        'park': {
            'id': park_id,
            'name': park_name,
            'location': location,
            'note': f'Written with only what was known at the start of {year}: the growth of {year - 1}. The model carries it forward, give or take a point: a deliberately simple method, to be scored.',
        },
        'sources': [{'id': i, 'headline': S[i][0], 'outlet': S[i][1], 'date': S[i][2], 'url': S[i][3]} for i in used],
        'horizon': {'baseYear': year - 1, 'endYear': year},
        'parameters': {
            'growthDrift': {
                'distribution': {'dist': 'normal', 'mean': round(math.log(1 + prev), 6), 'sd': 0.01},
                'description': f'Log growth of real GDP in {year}: that of {year - 1} ({prev * 100:g}%), give or take one point',
                'basis': 'assumed',
                'reason': f'The growth of {year - 1} ({prev * 100:g}%, sourced) carried forward; the spread of one point (sd 0.01 in log growth) is assumed.',
                'source': prev_src,
            }
        },
        'metrics': {
            'realGdp': {
                'unit': 'ratio',
                'label': f'Real GDP, as a multiple of {year - 1}',
                'baseline': {'value': 1, 'basis': 'assumed', 'reason': 'An index: the base year is 1 by definition; only its growth matters.'},
                'process': {'type': 'growth', 'drift': 'growthDrift'},
            }
        },
        'targets': [target_def],
        'outcomes': [{
            'target': f'gdp-growth-{year}',
            'year': year,
            'value': actual,
            'source': actual_src,
            'series': 'official',
            'note': f'Official first estimate: {actual * 100:g}% against {wording}. {note}',
        }] + ([{
            'target': f'gdp-growth-{year}',
            'year': year,
            'value': independent[0],
            'source': independent[1][0],
            'series': 'independent',
            'note': independent[2],
        }] if independent else []),
    }
    with open(f'backtests/{park_id}.json', 'w') as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write('\n')

# National CPI and new-urban-jobs targets of the Government Work Report, 2014-2023, by the same
# method: the figure of the year before carried forward, with an assumed spread (one point for a
# rate, 10% for a count). Sources, read 2026-12-01 (via the search tool's stored pages).
S.update({
    'embassy-2014-03-06': ('Key Points of the Government Work Report Delivered by Chinese Premier Li Keqiang (2013 results)', 'Embassy of the PRC in Canada', '2014-03-06', 'http://ca.chineseembassy.org/eng/zt/PR/t1134886.htm'),
    'acftu-2014-05-19': ("Ten Key Figures in China's Government Work Report 2014", 'All-China Federation of Trade Unions', '2014-05-19', 'http://en.acftu.org/28615/201405/19/140519154610106_2.shtml'),
    'chinadaily-2015-03-05': ('Highlights of Chinese government work report for 2015 (Xinhua)', 'China Daily', '2015-03-05', 'http://www.chinadaily.com.cn/china/2015twosession/2015-03/05/content_19724258.htm'),
    'chinadaily-2015-01-20': ('13.22 million new jobs created in 2014 (Xinhua)', 'China Daily', '2015-01-20', 'https://global.chinadaily.com.cn/bizchina/chinadata/2015-01/20/content_19358722.htm'),
    'chinadaily-2016-01-22': ("China's urban unemployment rate steady at 4.05 pct (Xinhua)", 'China Daily (Europe)', '2016-01-22', 'http://europe.chinadaily.com.cn/china/2016-01/22/content_23199944.htm'),
    'xinhua-2017-01-10': ("China's 2016 CPI up 2 pct (Xinhua)", 'Xinhuanet', '2017-01-10', 'http://www.xinhuanet.com//english/2017-01/10/c_135969749.htm'),
    'globaltimes-2017-01-23': ('China created 13.14 million new urban jobs in 2016', 'Global Times', '2017-01-23', 'http://www.globaltimes.cn/content/1030228.shtml'),
    'govcn-2017-12-31': ('Numerical goals met in the 2017 Government Work Report', 'english.gov.cn', '2017-12-31', 'http://english.gov.cn/policies/policy_watch/2017/12/31/content_281475996407952.htm'),
    'ecns-2018-01-10': ("China's CPI rose 1.6 pct in 2017", 'ecns.cn (China News Service)', '2018-01-10', 'http://ecns.cn/business/2018/01-10/287754.shtml'),
    'chinadaily-2018-01-26b': ('China reports lowest urban unemployment rate since 2002 (13.51 million new jobs in 2017)', 'China Daily', '2018-01-26', 'http://www.chinadaily.com.cn/a/201801/26/WS5a6ac18ea3106e7dcc136d9d.html'),
    'pakobserver-2018-03-06': ("Highlights of Chinese Premier's govt work report (Xinhua)", 'Pakistan Observer', '2018-03-06', 'https://pakobserver.net/highlights-chinese-premiers-govt-work-report/'),
    'yicai-2019-01-21': ('China maintains stable employment growth in 2018 (13.61 million new urban jobs)', 'Yicai Global (Japanese edition)', '2019-01-21', 'https://jp.yicaiglobal.com/news/china-maintains-stable-employment-growth-in-2018'),
    'urdupoint-2020-01-09': ("China's consumer price index increases by 2.9% (Sputnik)", 'UrduPoint', '2020-01-09', 'https://www.urdupoint.com/en/business/chinas-consumer-price-index-increases-by-29-805616.html'),
    'urdupoint-2020-01-17': ('China registers stable employment in 2019 (APP)', 'UrduPoint', '2020-01-17', 'https://www.urdupoint.com/en/world/china-registers-stable-employment-in-2019-812469.html'),
    'urdupoint-2020-05-22': ('China planning to create 9mln jobs in 2020 (Sputnik)', 'UrduPoint', '2020-05-22', 'https://www.urdupoint.com/en/business/china-planning-to-create-9mln-jobs-in-2020-u-927544.html'),
    'globaltimes-2020-05-22': ("China's 2020 goals for jobs creation, inflation show pragmatism: experts", 'Global Times', '2020-05-22', 'https://www.globaltimes.cn/content/1189145.shtml'),
    'people-2021-01-11': ("China's CPI up 0.2 pct in December (Xinhua; 2020 CPI 2.5%)", "People's Daily Online", '2021-01-11', 'http://en.people.cn/n3/2021/0111/c90000-9808026.html'),
    'authorityngr-2021-03-07': ('China meets, exceeds 17 targets set in 2020 government work report (People\'s Daily Online)', 'Authority (authorityngr.com)', '2021-03-07', 'https://authorityngr.com/2021/03/07/china-meets-exceeds-17-targets-set-in-2020-government-work-report/'),
    'ang-2021-03-05': ('China sets 2021 GDP growth target of over 6%', 'American News Group', '2021-03-05', 'https://americannewsgroup.com/2021/03/05/china-sets-2021-gdp-growth-target-of-over-6'),
    'tellerreport-2022-01-12': ("In December 2021, China's CPI year-on-year increase fell; 0.9% for the whole year (China News Service)", 'Teller Report', '2022-01-12', 'https://www.tellerreport.com/business/2022-01-12-in-december-2021--china-s-cpi-year-on-year-increase-fell-by-0-9--for-the-whole-year.rJSYaqen2K.html'),
    'finanznachrichten-2022-03-07': ('chinadaily.com.cn: Etching the China story on fine china (2021: 12.69 million new urban jobs)', 'finanznachrichten.de (PR Newswire)', '2022-03-07', 'https://www.finanznachrichten.de/nachrichten-2022-03/55429322-chinadaily-com-cn-etching-the-china-story-on-fine-china-008.htm'),
    'people-2022-03-05': ('China aims surveyed urban unemployment rate of no more than 5.5 pct for 2022 (Xinhua)', "People's Daily Online", '2022-03-05', 'http://en.people.cn/n3/2022/0305/c90000-9966382.html'),
    'urdupoint-2023-01-12': ('Inflation in China reaches 2% in 2022 (Sputnik)', 'UrduPoint', '2023-01-12', 'https://www.urdupoint.com/en/business/inflation-in-china-reaches-2-in-2022-year-on-1624036.html'),
    'govcn-2023-01-12': ("China's CPI up 2 pct in 2022 (Xinhua)", 'english.www.gov.cn', '2023-01-12', 'http://english.www.gov.cn/archive/statistics/202301/12/content_WS63bfa693c6d0a757729e5602.html'),
    'people-2023-01-17': ("China's job market remains stable in 2022 (Xinhua)", "People's Daily Online", '2023-01-17', 'http://en.people.cn/n3/2023/0117/c90000-10197059.html'),
    'govcn-2024-01-12': ("China's CPI up 0.2 pct in 2023 (Xinhua)", 'english.www.gov.cn', '2024-01-12', 'https://english.www.gov.cn/archive/statistics/202401/12/content_WS65a0a8f1c6d0868f4e8e2fe9.html'),
    'globaltimes-2024-01-12': ("China's 2023 CPI up 0.2 percent", 'Global Times', '2024-01-12', 'https://globaltimes.cn/page/202401/1305278.shtml'),
    'nasdaq-2024-01-23': ('China creates 12.44 million new urban jobs in 2023 (Reuters)', 'Nasdaq (Reuters)', '2024-01-23', 'https://www.nasdaq.com/articles/china-creates-12.44-million-new-urban-jobs-in-2023'),
})

# year: (CPI of the year before, its source, ceiling, wording, its source, CPI of the year, its source, note)
CPI = {
    2014: (0.026, 'embassy-2014-03-06', 0.035, 'around 3.5%', 'chinadaily-2015-03-05', 0.02, 'chinadaily-2015-03-05', ''),
    2015: (0.02, 'chinadaily-2015-03-05', 0.03, 'around 3%', 'chinadaily-2015-03-05', 0.014, 'xinhua-2017-01-10', ''),
    2016: (0.014, 'xinhua-2017-01-10', 0.03, 'around 3%', 'gwr-2016-people', 0.02, 'xinhua-2017-01-10', ''),
    2017: (0.02, 'xinhua-2017-01-10', 0.03, 'around 3%', 'ecns-2018-01-10', 0.016, 'ecns-2018-01-10', ''),
    2018: (0.016, 'ecns-2018-01-10', 0.03, 'around 3%', 'pakobserver-2018-03-06', 0.021, 'urdupoint-2020-01-09', ''),
    2019: (0.021, 'urdupoint-2020-01-09', 0.03, 'around 3%', 'cgtn-2019-03-05', 0.029, 'urdupoint-2020-01-09',
           'Within 0.1 point of the ceiling (pork prices, December CPI 4.5%).'),
    2020: (0.029, 'urdupoint-2020-01-09', 0.035, 'around 3.5%', 'globaltimes-2020-05-22', 0.025, 'people-2021-01-11', ''),
    2021: (0.025, 'people-2021-01-11', 0.03, 'around 3%', 'ang-2021-03-05', 0.009, 'tellerreport-2022-01-12', ''),
    2022: (0.009, 'tellerreport-2022-01-12', 0.03, 'around 3%', 'urdupoint-2023-01-12', 0.02, 'govcn-2023-01-12', ''),
    2023: (0.02, 'govcn-2023-01-12', 0.03, 'around 3%', 'globaltimes-2024-01-12', 0.002, 'govcn-2024-01-12', ''),
}

# year: (new urban jobs the year before, its source, floor, wording, its source, jobs of the year, its source)
JOBS = {
    2014: (13.1e6, 'embassy-2014-03-06', 10e6, 'over 10 million', 'acftu-2014-05-19', 13.22e6, 'chinadaily-2015-01-20'),
    2015: (13.22e6, 'chinadaily-2015-01-20', 10e6, 'over 10 million', 'chinadaily-2015-03-05', 13.12e6, 'chinadaily-2016-01-22'),
    2016: (13.12e6, 'chinadaily-2016-01-22', 10e6, 'at least 10 million', 'gwr-2016-people', 13.14e6, 'globaltimes-2017-01-23'),
    2017: (13.14e6, 'globaltimes-2017-01-23', 11e6, 'over 11 million', 'govcn-2017-12-31', 13.51e6, 'chinadaily-2018-01-26b'),
    2018: (13.51e6, 'chinadaily-2018-01-26b', 11e6, 'over 11 million', 'pakobserver-2018-03-06', 13.61e6, 'yicai-2019-01-21'),
    2019: (13.61e6, 'yicai-2019-01-21', 11e6, 'over 11 million', 'cgtn-2019-03-05', 13.52e6, 'urdupoint-2020-01-17'),
    2020: (13.52e6, 'urdupoint-2020-01-17', 9e6, 'over 9 million', 'urdupoint-2020-05-22', 11.86e6, 'authorityngr-2021-03-07'),
    2021: (11.86e6, 'authorityngr-2021-03-07', 11e6, 'over 11 million', 'ang-2021-03-05', 12.69e6, 'finanznachrichten-2022-03-07'),
    2022: (12.69e6, 'finanznachrichten-2022-03-07', 11e6, 'over 11 million', 'people-2022-03-05', 12.06e6, 'people-2023-01-17'),
    2023: (12.06e6, 'people-2023-01-17', 12e6, 'around 12 million', 'nasdaq-2024-01-23', 12.44e6, 'nasdaq-2024-01-23'),
}

def write(park_id, doc):
    with open(f'backtests/{park_id}.json', 'w') as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write('\n')

def sources(ids):
    return [{'id': i, 'headline': S[i][0], 'outlet': S[i][1], 'date': S[i][2], 'url': S[i][3]} for i in sorted(set(ids))]

for year, (prev, prev_src, ceiling, wording, target_src, actual, actual_src, note) in CPI.items():
    park_id = f'cn-national-cpi-{year}'
    write(park_id, {
        'park': {
            'id': park_id,
            'name': f"China's national CPI target for {year} (backtest)",
            'location': 'China (national)',
            'note': f'Written with only what was known at the start of {year}: the CPI rise of {year - 1}. The model carries it forward, give or take a point: the same naive method as the GDP cases, to be scored.',
        },
        'sources': sources([prev_src, target_src, actual_src]),
        'horizon': {'baseYear': year - 1, 'endYear': year},
        'parameters': {
            'inflation': {
                'distribution': {'dist': 'normal', 'mean': round(math.log(1 + prev), 6), 'sd': 0.01},
                'description': f'Log rise of consumer prices in {year}: that of {year - 1} ({prev * 100:g}%), give or take one point',
                'basis': 'assumed',
                'reason': f'The CPI rise of {year - 1} ({prev * 100:g}%, sourced) carried forward; the spread of one point (sd 0.01 in log change) is assumed.',
                'source': prev_src,
            }
        },
        'metrics': {
            'priceLevel': {
                'unit': 'ratio',
                'label': f'Consumer price level, as a multiple of {year - 1}',
                'baseline': {'value': 1, 'basis': 'assumed', 'reason': 'An index: the base year is 1 by definition; only its change matters.'},
                'process': {'type': 'growth', 'drift': 'inflation'},
            }
        },
        'targets': [{
            'id': f'cpi-{year}',
            'label': f'CPI rise of {wording} in {year}',
            'metric': 'priceLevel',
            'comparison': '<=',
            'threshold': ceiling,
            'deadline': year,
            'measure': 'yearOnYear',
            'source': target_src,
            'note': f'The national government work report of {year} sets a CPI rise of "{wording}"; read as a ceiling (met when the rise is at most {ceiling * 100:g}%), as the NBS and the press report it ("below the target").',
        }],
        'outcomes': [{
            'target': f'cpi-{year}',
            'year': year,
            'value': actual,
            'source': actual_src,
            'series': 'official',
            'note': f'NBS full-year CPI: {actual * 100:g}% against {wording}. A ceiling the government does not need to clear, so bunching below it is not expected; it has not been exceeded in these years. {note}'.strip(),
        }],
    })

for year, (prev, prev_src, floor, wording, target_src, actual, actual_src) in JOBS.items():
    park_id = f'cn-national-urban-jobs-{year}'
    write(park_id, {
        'park': {
            'id': park_id,
            'name': f"China's new-urban-jobs target for {year} (backtest)",
            'location': 'China (national)',
            'note': f'Written with only what was known at the start of {year}: the new urban jobs of {year - 1}. The model carries the count forward, give or take 10%: the same naive method as the GDP cases, to be scored.',
        },
        'sources': sources([prev_src, target_src, actual_src]),
        'horizon': {'baseYear': year - 1, 'endYear': year},
        'parameters': {
            'jobsChange': {
                'distribution': {'dist': 'normal', 'mean': 0, 'sd': 0.1},
                'description': f'Log change of the new urban jobs of {year} from those of {year - 1}: none, give or take 10%',
                'basis': 'assumed',
                'reason': f'The count of {year - 1} carried forward; the spread of 10% (sd 0.1 in log change) is assumed.',
            }
        },
        'metrics': {
            'newUrbanJobs': {
                'unit': 'persons',
                'label': 'New urban jobs created in the year',
                'baseline': {'value': prev, 'basis': 'sourced', 'source': prev_src, 'reason': f'New urban jobs of {year - 1}: {prev / 1e6:g} million.'},
                'process': {'type': 'growth', 'drift': 'jobsChange'},
            }
        },
        'targets': [{
            'id': f'urban-jobs-{year}',
            'label': f'{wording[0].upper()}{wording[1:]} new urban jobs in {year}',
            'metric': 'newUrbanJobs',
            'comparison': '>=',
            'threshold': floor,
            'deadline': year,
            'measure': 'value',
            'source': target_src,
            'note': f'The national government work report of {year} sets "{wording}" new urban jobs; met when at least {floor / 1e6:g} million are reported.',
        }],
        'outcomes': [{
            'target': f'urban-jobs-{year}',
            'year': year,
            'value': actual,
            'source': actual_src,
            'series': 'official',
            'note': f'Official count (Ministry of Human Resources and Social Security, released with NBS data): {actual / 1e6:g} million against {wording}. A gross count of jobs added, set well below the year before: met every year here, by 0.4-3.2 million. No independent series is known to us.',
        }],
    })

# Five-Year Plan targets for R&D spending as a share of GDP, by the same rule: the share of the
# base year carried forward, give or take 10% a year (a level, like the count of jobs).
S.update({
    'researchinchina-2011-09': ("China's R&D spending increased 21.7% in 2010 (Xinhua)", 'ResearchInChina', '2011-09', 'http://researchinchina.com/Htmls/News/201109/23709.html'),
    'reuters-2012-10-25': ('China says 2011 R&D spending up 23 percent on year', 'Reuters', '2012-10-25', 'http://www.reuters.com/article/us-china-economy-spending-idUSBRE89O06E20121025'),
    'drc-2020-12': ('Why did the growth of R&D investment in China fall short of expectations during the 13th Five-Year Plan period? (Development Research Center, repost)', 'jlxqt.cn (repost)', '2020-12', 'http://www.jlxqt.cn/?p=4182'),
    'asiatoday-2016-08-10': ('China to increase R&D spending to 2.5% of GDP by 2020', 'Asia Today', '2016-08-10', 'https://asiatoday.com.au/content/china-increase-rd-spending-25-gdp-2020'),
    'technosports-2021-03': ("China's spending on research and development hits a record high of 2.4% of GDP in 2020", 'TechnoSports', '2021-03', 'https://technosports.co.in/chinas-spending-on-research-and-development-hits-a-record-high-of-2-4-of-gdp-in-2020'),
})

# (plan, base year, deadline, share at the base year, its source, target, its source, outcome, its source, note)
RD = [
    ('12th', 2010, 2015, 0.0176, 'researchinchina-2011-09', 0.022, 'reuters-2012-10-25', 0.0207, 'drc-2020-12',
     'The DRC report gives 2.07% for 2015 (from the statistical bulletins of science and technology spending).'),
    ('13th', 2015, 2020, 0.0207, 'drc-2020-12', 0.025, 'asiatoday-2016-08-10', 0.024, 'technosports-2021-03',
     'NBS preliminary figure for 2020 (2.4%), subject to revision; the DRC had found that the plan-period growth of R&D input fell short of expectations.'),
]
for plan, base, deadline, share, share_src, target, target_src, actual, actual_src, note in RD:
    park_id = f'cn-national-rd-share-{deadline}'
    write(park_id, {
        'park': {
            'id': park_id,
            'name': f"China's {plan} Five-Year Plan target for R&D spending, {deadline} (backtest)",
            'location': 'China (national)',
            'note': f'Written with only what was known at the base year, {base}: the R&D share of that year. The model carries it forward, give or take 10% a year: the same naive method as the other cases, over a five-year plan.',
        },
        'sources': sources([share_src, target_src, actual_src]),
        'horizon': {'baseYear': base, 'endYear': deadline},
        'parameters': {},
        'metrics': {
            'rdShare': {
                'unit': 'share',
                'label': 'R&D spending as a share of GDP',
                'baseline': {'value': share, 'basis': 'sourced', 'source': share_src, 'reason': f'R&D spending in {base}: {share * 100:g}% of GDP.'},
                'process': {'type': 'growth', 'drift': 0, 'volatility': 0.1},
            }
        },
        'targets': [{
            'id': f'rd-share-{deadline}',
            'label': f'R&D spending of {target * 100:g}% of GDP by {deadline}',
            'metric': 'rdShare',
            'comparison': '>=',
            'threshold': target,
            'deadline': deadline,
            'measure': 'value',
            'source': target_src,
            'note': f'The {plan} Five-Year Plan ({base + 1}-{deadline}) sets R&D spending of {target * 100:g}% of GDP by {deadline}; met when the share that year is at least that.',
        }],
        'outcomes': [{
            'target': f'rd-share-{deadline}',
            'year': deadline,
            'value': actual,
            'source': actual_src,
            'series': 'official',
            'note': f'Official share in {deadline}: {actual * 100:g}% against {target * 100:g}%. Missed. {note}',
        }],
    })

print(len(ROWS) + len(CPI) + len(JOBS) + len(RD), 'scenarios written')
