namespace ReportSearch.Cli.Bench;

/// <summary>
/// The queries the benchmark times: those of the relevance set (keywords, whole sentences, paraphrases, as users type them),
/// so speed is measured on the queries quality is judged on. A built-in list stands in outside a checkout.
/// </summary>
public sealed record BenchQueries(string Source, IReadOnlyList<BenchQuery> Queries)
{
    public const string RelevanceSet = "tests/ReportSearch.Index.Tests/Relevance/relevance.tsv";

    private static readonly string[] BuiltIn =
    [
        "借调", "土地闲置", "八项规定", "河湖长", "医保基金", "大棚房", "违法建设", "巡察", "三会一课", "吃空饷",
        "两违", "村级工业园", "意识形态", "形式主义官僚主义", "干部混编混岗问题", "怎样整治违规占用耕地",
        "基层党组织软弱涣散", "扶贫资金使用不规范", "公车私用", "选人用人",
    ];

    public static BenchQueries Load(string? repositoryRoot)
    {
        var path = repositoryRoot is null ? null : Path.Combine(repositoryRoot, RelevanceSet);
        var builtIn = new BenchQueries("built-in list", BuiltIn.Select(q => new BenchQuery(q, "built-in")).ToList());
        if (path is null || !File.Exists(path)) return builtIn;
        // Columns: id, type, query, …; '#' lines are comments, the 'id' line the header.
        var queries = File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("id\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Where(cols => cols.Length > 2 && cols[2].Trim().Length > 0)
            .Select(cols => new BenchQuery(cols[2].Trim(), cols[1].Trim()))
            .ToList();
        return queries.Count == 0 ? builtIn : new BenchQueries(RelevanceSet, queries);
    }
}

/// <param name="Type">The relevance set's query type (keyword, sentence, paraphrase, cross, none), so latency can be read by kind of query.</param>
public sealed record BenchQuery(string Text, string Type);
