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
}

# Provincial-level targets for 2018: (id, name, previous year's growth, its source, target, wording, its source, actual, its source, note)
PROVINCES = [
    ('tianjin', 'Tianjin', 0.036, 'chinadaily-2018-01-26', 0.05, 'around 5% (cut from 8% for 2017)', 'chinadaily-2018-01-26', 0.036, 'zhongxin-2019-01-31',
     'Missed. Tianjin had admitted that its Binhai New Area overstated its 2016 GDP by a third (NZ Herald); the outcome reached us through a repost.'),
    ('inner-mongolia', 'Inner Mongolia', 0.04, 'nzherald-2018-01', 0.065, 'about 6.5% (cut from 7.5% for 2017)', 'nzherald-2018-01', 0.05, 'zhongxin-2019-01-31',
     'Missed. Inner Mongolia had admitted inflating 2016 industrial output by about 40%; the outcome reached us through a repost.'),
]

ROWS = [(f'cn-national-gdp-{y}', f"China's national GDP growth target for {y} (backtest)", 'China (national)', y, *v) for y, v in YEARS.items()]
ROWS += [(f'cn-{pid}-gdp-2018', f"{name}'s GDP growth target for 2018 (backtest)", f'{name}, China (provincial level)', 2018, *rest) for pid, name, *rest in PROVINCES]
# Tianjin's 2017 target, from the same China Daily report: 8% for 2017, after 9% in 2016; 3.6% in 2017.
ROWS.append(('cn-tianjin-gdp-2017', "Tianjin's GDP growth target for 2017 (backtest)", 'Tianjin, China (provincial level)', 2017,
             0.09, 'chinadaily-2018-01-26', 0.08, '8%', 'chinadaily-2018-01-26', 0.036, 'chinadaily-2018-01-26',
             'Missed by 4.4 points, the lowest growth since 1989 (China Daily), after the Binhai New Area admitted overstating its 2016 GDP.'))

for park_id, park_name, location, year, prev, prev_src, target, wording, target_src, actual, actual_src, note in ROWS:
    national = park_id.startswith('cn-national')
    used = sorted({prev_src, target_src, actual_src})
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
        }],
    }
    with open(f'backtests/{park_id}.json', 'w') as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write('\n')
print(len(ROWS), 'scenarios written')
