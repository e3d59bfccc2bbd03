namespace ReportSearch.Cli.Bench;

/// <summary>
/// The Benchmark document of CONTRACT.md (<c>bench --json</c>): the named fields first, then what explains them.
/// Timings are medians or percentiles over repeated runs in one process; every baseline ran on the same corpus in the same process.
/// </summary>
public sealed record BenchmarkDocument
{
    public required int Reports { get; init; }
    public required double CorpusMB { get; init; }
    /// <summary>Bytes read and parsed per second, median of <see cref="ParseRuns"/> passes.</summary>
    public required double ParseMBps { get; init; }
    /// <summary>Corpus bytes over <see cref="IndexSeconds"/>: read, parse, categorise, store in SQLite, analyse into the Lucene index, embeddings trained and written.</summary>
    public required double IndexMBps { get; init; }
    public required double IndexSeconds { get; init; }
    /// <summary>Index file size after a WAL checkpoint (database plus any WAL left), per report.</summary>
    public required double IndexBytesPerReport { get; init; }
    /// <summary>The process's peak working set (Process.PeakWorkingSet64) at the end of indexing; see <see cref="PeakMemoryKind"/>.</summary>
    public required double PeakMemoryMB { get; init; }
    public required double SearchP50Ms { get; init; }
    public required double SearchP95Ms { get; init; }
    /// <summary>`compare QUERY` as the CLI runs it (hybrid search for candidates, reports read from the store, measures typed and aligned).</summary>
    public required double CompareP50Ms { get; init; }
    public required double CompareP95Ms { get; init; }
    public required IReadOnlyDictionary<string, BaselineFigures> Baselines { get; init; }

    public required string PeakMemoryKind { get; init; }
    /// <summary>Largest managed heap seen (GC.GetTotalMemory sampled every 10 ms) while indexing.</summary>
    public required double IndexManagedPeakMB { get; init; }
    public required IndexPhases IndexPhases { get; init; }
    public required CorpusCounts Counts { get; init; }
    public required double[] ParseRuns { get; init; }
    public required SearchSampling Search { get; init; }
    public required MachineFacts Machine { get; init; }
    /// <summary>Search (no vectors) under concurrent clients on each Lucene directory implementation, over the same index files.</summary>
    public required IReadOnlyList<DirectoryLatency> Directories { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>One Lucene directory implementation under <paramref name="Clients"/> concurrent searching clients.</summary>
public sealed record DirectoryLatency(string Directory, int Clients, int Searches, double P50Ms, double P95Ms, double SearchesPerSecond);

/// <summary>A way of doing the same job without part of ReportSearch, and how it compares (ratios are baseline ÷ ReportSearch).</summary>
public sealed record BaselineFigures(string What)
{
    public double? SearchP50Ms { get; init; }
    public double? SearchP95Ms { get; init; }
    public double? IndexMBps { get; init; }
    /// <summary>Baseline p50 ÷ hybrid search p50: above 1 the baseline is slower.</summary>
    public double? SearchP50Ratio { get; init; }
    /// <summary>Baseline MB/s ÷ real indexer MB/s: above 1 the baseline writes faster (it also does less).</summary>
    public double? IndexMBpsRatio { get; init; }
    /// <summary>Mean number of matches per query, to set speed against what was found.</summary>
    public double? MeanMatches { get; init; }
}

/// <summary>Where the indexing time went: the files (parse, categorise, store, Lucene documents) and then the embedding model and vectors.</summary>
/// <param name="FilesManagedPeakMB">Largest managed heap while the files were indexed; <paramref name="EmbeddingManagedPeakMB"/> while the embeddings were made.</param>
public sealed record IndexPhases(double FilesSeconds, double EmbeddingSeconds, long IndexFileBytes, int Failed,
    double FilesManagedPeakMB, double EmbeddingManagedPeakMB)
{
    /// <summary>Report-file MB per second through the analysis chain alone (texts as the store analyses them), on a sample.</summary>
    public double AnalysisMBps { get; init; }
    /// <summary>
    /// Estimated share of the files phase's core-seconds (<see cref="FilesSeconds"/> × cores, as indexing runs on every core)
    /// spent analysing text, from <see cref="AnalysisMBps"/> (one core, warm); the rest is parsing, categorising, Lucene and SQLite.
    /// </summary>
    public double AnalysisShareOfFiles { get; init; }
}

public sealed record CorpusCounts(long Problems, long Measures, long Passages, long Embeddings, int Queries);

/// <summary>How the latency percentiles were sampled.</summary>
/// <param name="CompareMeanProblems">Problems a comparison shows per query, on average, across all reports.</param>
public sealed record SearchSampling(string QuerySource, int Rounds, int SamplesPerMethod, int Top, double HybridMeanMatches,
    double CompareMeanProblems, IReadOnlyDictionary<string, QueryTypeLatency> HybridByQueryType);

/// <summary>Hybrid search latency for one type of query of the relevance set.</summary>
public sealed record QueryTypeLatency(int Queries, double P50Ms, double P95Ms);

/// <param name="LoadAverage">The 1-minute load average (/proc/loadavg) when the bench started and when it ended: on a shared
/// machine, what else competed for the cores; null where the system does not say.</param>
public sealed record MachineFacts(int Cores, string Runtime, string Os, string Sqlite, string StartedUtc, double? LoadAverageStart, double? LoadAverageEnd)
{
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg")
        && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
}
