using System.Diagnostics;
using System.Runtime.InteropServices;
using ReportSearch.Core;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Parsing;
using ReportSearch.Index;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Indexing;
using ReportSearch.Index.Search;
using ReportSearch.Index.Storage;

namespace ReportSearch.Cli.Bench;

/// <summary>
/// The benchmark, phase by phase, in one process: write a synthetic corpus, parse it, index it with the real indexer into a
/// fresh SQLite file, store it again as plain rows (the baseline), then time searches of every method on the same queries,
/// interleaved. Progress goes to <paramref name="progress"/>; the figures come back as the Benchmark document.
/// </summary>
public sealed class Benchmark(BenchOptions options, ITextAnalyzer analyzer, ReportParser parser,
    EmbeddingOptions embedding, RankingOptions ranking, TextWriter progress)
{
    private const double MB = 1024 * 1024;

    /// <summary>One way of answering a query, returning how many matches it found.</summary>
    private sealed record SearchMethod(string Name, Func<string, CancellationToken, Task<int>> Run);

    public async Task<BenchmarkDocument> RunAsync(string repositoryRoot, string workFolder, CancellationToken cancel)
    {
        var started = DateTime.UtcNow;
        var loadAtStart = MachineFacts.LoadAverage();
        var notes = new List<string>();

        // 1. Corpus
        var corpusFolder = Path.Combine(workFolder, "corpus");
        Say($"writing {options.Reports} synthetic reports from {Path.Combine(repositoryRoot, "seeds")}");
        var files = SyntheticCorpus.FromFolder(Path.Combine(repositoryRoot, "seeds")).Write(corpusFolder, options.Reports);
        var corpusBytes = files.Sum(f => new FileInfo(f).Length);

        // 2. Parse: read and parse every file, several passes, the median reported.
        var parseRuns = new double[options.ParseRepetitions];
        for (var i = 0; i < parseRuns.Length; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            foreach (var f in files) parser.Parse(File.ReadAllBytes(f), Path.GetFileName(f));
            parseRuns[i] = Round(corpusBytes / MB / clock.Elapsed.TotalSeconds);
            Say($"parse pass {i + 1}: {parseRuns[i]} MB/s");
        }

        var analysis = TimeAnalysis(files.Take(options.AnalysisSampleReports).ToList());
        Say($"analysis as the store does it: {analysis.MBps} MB/s of report files (sample of {analysis.Reports})");

        // 3. Index: the real indexer into a fresh file, then the embeddings, as `index` does them (timed apart).
        var dbPath = Path.Combine(workFolder, "index", "reportsearch.db");
        var index = new ReportIndex(IndexStore.Open(dbPath), analyzer, Parse, embedding, ranking);
        var filesIndexer = new Indexer(index.Store, Parse, analyzer, embeddings: null);
        double filesSeconds, embeddingSeconds;
        long managedPeak;
        IndexRunSummary summary;
        using (var heap = new ManagedHeapPeak(TimeSpan.FromMilliseconds(10)))
        {
            Say("indexing");
            var clock = Stopwatch.StartNew();
            summary = await filesIndexer.IndexAsync([corpusFolder], cancel);
            filesSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await index.Embeddings.RefreshAsync(cancel);
            embeddingSeconds = clock.Elapsed.TotalSeconds;
            managedPeak = heap.PeakBytes;
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakWorkingSet = process.PeakWorkingSet64;
        if (summary.Failed > 0)
            notes.Add($"{summary.Failed} synthetic report(s) failed to index, first: {summary.Files.First(f => f.Result == FileResult.Failed).Reason}");
        var indexSeconds = filesSeconds + embeddingSeconds;
        var indexBytes = SqliteFile.CheckpointedBytes(dbPath);
        var counts = index.Store.CountRows();
        Say($"indexed in {indexSeconds:0.0} s ({filesSeconds:0.0} s files, {embeddingSeconds:0.0} s embeddings), {indexBytes / MB:0.0} MB");

        // 4. Baseline store: the same files read, parsed and inserted as plain rows.
        var plainPath = Path.Combine(workFolder, "baseline", "plain.db");
        Directory.CreateDirectory(Path.GetDirectoryName(plainPath)!);
        using var plain = new LikeScanStore(plainPath);
        var plainClock = Stopwatch.StartNew();
        foreach (var f in files) plain.Add(parser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)));
        var plainSeconds = plainClock.Elapsed.TotalSeconds;
        Say($"plain insert baseline in {plainSeconds:0.0} s");

        // 5. Search, every method on the same queries.
        var queries = BenchQueries.Load(repositoryRoot);
        SearchMethod Searching(string name, SearchService.Signals signals) => new(name, async (q, c) =>
            (await index.Search.SearchAsync(new SearchRequest(q) { Top = options.Top }, signals, c)).Total);
        var hybrid = Searching("hybrid", SearchService.Signals.All);
        var noVectors = Searching("no-embeddings", SearchService.Signals.Words | SearchService.Signals.Bigrams);
        var bigramsOnly = Searching("bigrams-only", SearchService.Signals.Bigrams);
        var likeScan = new SearchMethod("like-scan", (q, _) => Task.FromResult(plain.Scan(ScanTerms(q))));
        var methods = new List<SearchMethod> { hybrid, noVectors, bigramsOnly, likeScan };
        notes.Add("compare: this build has no compare service; compareP50Ms and compareP95Ms are null");

        var usable = await UsableQueries(queries.Queries, hybrid, cancel);
        if (usable.Count < queries.Queries.Count)
            notes.Add($"{queries.Queries.Count - usable.Count} of {queries.Queries.Count} queries are rejected by search (no searchable words) and were left out");
        var (latency, rounds) = await TimeSearches(methods, usable, cancel);

        var hybridP50 = latency[hybrid.Name].P50;
        var indexMBps = corpusBytes / MB / indexSeconds;
        BaselineFigures Baseline(string what, SearchMethod method, double? mbps) => new(what)
        {
            SearchP50Ms = Round(latency[method.Name].P50), SearchP95Ms = Round(latency[method.Name].P95),
            SearchP50Ratio = Round(latency[method.Name].P50 / hybridP50),
            MeanMatches = Round(latency[method.Name].MeanMatches),
            IndexMBps = mbps is { } v ? Round(v) : null,
            IndexMBpsRatio = mbps is { } w ? Round(w / indexMBps) : null,
        };

        return new BenchmarkDocument
        {
            Reports = options.Reports,
            CorpusMB = Round(corpusBytes / MB),
            ParseMBps = Median(parseRuns),
            IndexMBps = Round(indexMBps),
            IndexSeconds = Round(indexSeconds),
            IndexBytesPerReport = Math.Round((double)indexBytes / options.Reports),
            PeakMemoryMB = Round(peakWorkingSet / MB),
            SearchP50Ms = Round(hybridP50),
            SearchP95Ms = Round(latency[hybrid.Name].P95),
            CompareP50Ms = null,
            CompareP95Ms = null,
            Baselines = new Dictionary<string, BaselineFigures>
            {
                [likeScan.Name] = Baseline(
                    "no index: the same reports as plain SQLite rows (read, parse, INSERT; no analysis, FTS or embeddings), " +
                    "searched by LIKE '%word%' over every problem statement and measure text, the query's words OR-ed, unranked",
                    likeScan, corpusBytes / MB / plainSeconds),
                [noVectors.Name] = Baseline(
                    "ReportSearch without vectors: BM25 over words and bigrams fused; indexing without training and writing the embeddings",
                    noVectors, corpusBytes / MB / filesSeconds),
                [bigramsOnly.Name] = Baseline("BM25 over character bigrams alone (no words, no thesaurus, no vectors)", bigramsOnly, null),
            },
            PeakMemoryKind = "Process.PeakWorkingSet64 read after indexing: the whole process up to then (corpus writing, parse passes, indexing)",
            IndexManagedPeakMB = Round(managedPeak / MB),
            IndexPhases = new IndexPhases(Round(filesSeconds), Round(embeddingSeconds), indexBytes, summary.Failed)
            {
                AnalysisMBps = analysis.MBps,
                AnalysisShareOfFiles = Round(Math.Min(1, corpusBytes / MB / analysis.MBps / filesSeconds)),
            },
            Counts = new CorpusCounts(counts.Problems, counts.Measures, counts.Passages, counts.Embeddings, usable.Count),
            ParseRuns = parseRuns,
            Search = new SearchSampling(queries.Source, rounds, latency[hybrid.Name].Count, options.Top, Round(latency[hybrid.Name].MeanMatches)),
            Machine = new MachineFacts(Environment.ProcessorCount, RuntimeInformation.FrameworkDescription,
                RuntimeInformation.OSDescription, SqliteFile.Version(), started.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                loadAtStart, MachineFacts.LoadAverage()),
            Notes = notes,
        };

        Core.Model.RectificationReport Parse(string name, byte[] bytes) => parser.Parse(bytes, name);
    }

    private sealed record AnalysisTiming(int Reports, double MBps);

    /// <summary>
    /// The analysis chain alone over a sample of reports, on the same texts the store analyses (each problem's headings,
    /// statement and measures, then each measure again): how much of indexing is analysis rather than SQLite.
    /// </summary>
    private AnalysisTiming TimeAnalysis(IReadOnlyList<string> sample)
    {
        var reports = sample.Select(f => parser.Parse(File.ReadAllBytes(f), Path.GetFileName(f))).ToList();
        var passages = reports.SelectMany(r => r.Problems)
            .SelectMany(p => p.Measures.Select(PassageText.ForMeasure).Prepend(PassageText.ForProblem(p))).ToList();
        analyzer.Analyze(passages[0].Body); // loads ICU and the data files, which indexing has done by its second report
        var clock = Stopwatch.StartNew();
        foreach (var passage in passages)
        {
            analyzer.Analyze(passage.Heading);
            analyzer.Analyze(passage.Statement);
            analyzer.Analyze(passage.Body);
        }
        var bytes = sample.Sum(f => new FileInfo(f).Length);
        return new AnalysisTiming(sample.Count, Round(bytes / MB / clock.Elapsed.TotalSeconds));
    }

    /// <summary>The query set minus those search rejects (only stop words, say); running each once also warms the index.</summary>
    private static async Task<List<string>> UsableQueries(IReadOnlyList<string> queries, SearchMethod search, CancellationToken cancel)
    {
        var usable = new List<string>();
        foreach (var q in queries)
        {
            try
            {
                await search.Run(q, cancel);
                usable.Add(q);
            }
            catch (InputRejectedException) { }
        }
        if (usable.Count == 0) throw new InputRejectedException("search rejected every benchmark query; check the relevance set's queries");
        return usable;
    }

    /// <summary>
    /// Warm-up, then rounds over the queries with the methods interleaved (the starting method rotating) so a busy moment on a
    /// shared machine falls on all of them alike. Stops after <see cref="BenchOptions.SearchRounds"/> or the time budget.
    /// </summary>
    private async Task<(Dictionary<string, Latency> Latency, int Rounds)> TimeSearches(
        IReadOnlyList<SearchMethod> methods, IReadOnlyList<string> queries, CancellationToken cancel)
    {
        foreach (var q in queries.Take(options.WarmupQueries))
            foreach (var m in methods) await m.Run(q, cancel);

        var latency = methods.ToDictionary(m => m.Name, _ => new Latency());
        var budget = Stopwatch.StartNew();
        var rounds = 0;
        while (rounds < options.SearchRounds && (rounds == 0 || budget.Elapsed.TotalSeconds < options.SearchBudgetSeconds))
        {
            for (var qi = 0; qi < queries.Count; qi++)
            {
                for (var k = 0; k < methods.Count; k++)
                {
                    cancel.ThrowIfCancellationRequested();
                    var m = methods[(qi + rounds + k) % methods.Count];
                    var clock = Stopwatch.StartNew();
                    var matches = await m.Run(queries[qi], cancel);
                    latency[m.Name].Add(clock.Elapsed, matches);
                }
            }
            rounds++;
            Say($"search round {rounds}: " + string.Join(", ", methods.Select(m => $"{m.Name} p50 {latency[m.Name].P50:0.00} ms")));
        }
        return (latency, rounds);
    }

    /// <summary>What a grep-like search looks for: the query's words of two characters or more (else the whole query), no thesaurus.</summary>
    private IReadOnlyList<string> ScanTerms(string query)
    {
        var analyzed = analyzer.AnalyzeQuery(query);
        var words = analyzed.Words.Where(w => w.Length > 1).Distinct().ToList();
        return words.Count > 0 ? words : [analyzed.Normalized];
    }

    private void Say(string line) => progress.WriteLine($"bench: {line}");

    private static double Median(double[] values) => Round(Latency.Percentile(values, 0.5));

    private static double Round(double value) => Math.Round(value, 3);
}
