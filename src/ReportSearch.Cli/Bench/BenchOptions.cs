namespace ReportSearch.Cli.Bench;

/// <summary>
/// How long the benchmark measures (configuration section <c>ReportSearch:Bench</c>). The defaults finish N = 1000 in a few
/// minutes on a 2-core machine; <c>--reports</c> overrides <see cref="Reports"/>.
/// </summary>
public sealed class BenchOptions
{
    public const string Section = "ReportSearch:Bench";

    public int Reports { get; set; } = 1000;

    /// <summary>Timed passes of the parser over the corpus, and of the analysis chain over its sample; the median pass is reported (one pass is at the mercy of a busy machine).</summary>
    public int TimedPasses { get; set; } = 3;

    /// <summary>Reports whose texts are run through the analysis chain alone, to split indexing time into analysis and the rest.</summary>
    public int AnalysisSampleReports { get; set; } = 20;

    /// <summary>Queries run once by every method before timing starts: JIT, SQLite page cache, the search catalog and vectors.</summary>
    public int WarmupQueries { get; set; } = 10;

    /// <summary>Timed passes over the query set, every method interleaved query by query so machine noise hits them alike.</summary>
    public int SearchRounds { get; set; } = 5;

    /// <summary>No further pass starts once this much time has gone into search timing (at least one full pass always runs).</summary>
    public double SearchBudgetSeconds { get; set; } = 90;

    /// <summary>Clients searching at once when the Lucene directory implementations are compared.</summary>
    public int ConcurrentClients { get; set; } = 4;

    /// <summary>Hits asked for per search, as a user's page.</summary>
    public int Top { get; set; } = 10;
}
