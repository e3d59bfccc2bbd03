using System.Text;
using System.Text.RegularExpressions;

namespace ReportSearch.Cli.Bench;

/// <summary>A seed text and the names in it that each synthetic copy replaces.</summary>
public sealed record SeedReport(string FileName, string Text, string District, string City);

/// <summary>
/// A corpus of any size for the benchmark, grown from the seed reports: each copy names another district and city and
/// carries perturbed numbers, so every file is distinct (its own hash, unit and figures) while keeping the genre's
/// layout and vocabulary. Deterministic for a given size.
/// </summary>
public sealed partial class SyntheticCorpus(IReadOnlyList<SeedReport> seeds)
{
    // Real district/city pairs, so the parser's gazetteer recognises the copies as it would real reports.
    private static readonly (string District, string City)[] Districts =
    [
        ("雁塔区", "西安市"), ("未央区", "西安市"), ("长安区", "西安市"), ("临潼区", "西安市"), ("鄠邑区", "西安市"),
        ("南海区", "佛山市"), ("顺德区", "佛山市"), ("三水区", "佛山市"), ("禅城区", "佛山市"),
        ("天河区", "广州市"), ("番禺区", "广州市"), ("花都区", "广州市"), ("宝安区", "深圳市"), ("龙岗区", "深圳市"),
        ("渭城区", "咸阳市"), ("秦都区", "咸阳市"), ("金台区", "宝鸡市"), ("陈仓区", "宝鸡市"), ("临渭区", "渭南市"),
        ("江宁区", "南京市"), ("鼓楼区", "南京市"), ("西湖区", "杭州市"), ("余杭区", "杭州市"), ("武侯区", "成都市"),
        ("锦江区", "成都市"), ("江北区", "重庆市"), ("渝中区", "重庆市"), ("岳麓区", "长沙市"), ("洪山区", "武汉市"),
    ];

    public static SyntheticCorpus FromFolder(string seedsFolder)
    {
        var known = new Dictionary<string, (string District, string City)>
        {
            ["000_"] = ("高陵区", "西安市"),
            ["002_"] = ("高明区", "佛山市"),
        };
        var seeds = Directory.EnumerateFiles(seedsFolder, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => (path, names: known.FirstOrDefault(k => Path.GetFileName(path).StartsWith(k.Key, StringComparison.Ordinal)).Value))
            .Where(s => s.names.District is not null)
            .Select(s => new SeedReport(Path.GetFileName(s.path), File.ReadAllText(s.path), s.names.District, s.names.City))
            .ToList();
        if (seeds.Count == 0)
            throw new ReportSearch.Core.InputRejectedException($"no seed reports found in {seedsFolder}: run bench from the repository");
        return new SyntheticCorpus(seeds);
    }

    /// <summary>Writes <paramref name="count"/> reports into <paramref name="folder"/> and returns their paths.</summary>
    public IReadOnlyList<string> Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"synthetic_{i:D6}.txt");
            File.WriteAllText(path, Variant(i), new UTF8Encoding(false));
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The i-th report: seed i mod n, renamed to district i, numbers perturbed by a generator seeded with i.</summary>
    public string Variant(int i)
    {
        var seed = seeds[i % seeds.Count];
        var (district, city) = Districts[i % Districts.Length];
        var random = new Random(i);
        var text = seed.Text
            .Replace(seed.City + seed.District, city + district)
            .Replace(seed.District, district)
            .Replace(seed.City, city);
        // Perturb counts (not dates or numbering): a digit run followed by a CJK unit character.
        return CountBeforeUnit().Replace(text, m =>
            (int.Parse(m.Groups[1].Value) + random.Next(0, 9)).ToString() + m.Groups[2].Value);
    }

    [GeneratedRegex(@"(?<![\d.年月])(\d{1,5})(人|宗|家|个|件|次|名|项|亩|万元|公里)")]
    private static partial Regex CountBeforeUnit();
}
