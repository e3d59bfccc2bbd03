using System.Diagnostics;
using System.Runtime.InteropServices;
using ReportSearch.Core;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Comparison;
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
public sealed class Benchmark(BenchOptions options, ITextAnalyzer analyzer, ReportSearchSettings settings, TextWriter progress)
{
    private readonly ReportParser _parser = new(settings.Input);

    private const double MB = 1024 * 1024;

    /// <summary>One way of answering a query, returning how many matches it found.</summary>
    private sealed record SearchMethod(string Name, Func<string, CancellationToken, Task<int>> Run);

    /// <summary>Timings per method, and the first method's (ReportSearch's own search) by query type.</summary>
    private sealed record SearchTimings(Dictionary<string, Latency> ByMethod, Dictionary<string, Latency> FirstByType, int Rounds);

    private sealed record Corpus(string Folder, IReadOnlyList<string> Files, long Bytes)
    {
        public double Megabytes => Bytes / MB;
    }

    /// <summary>What the real indexer did and cost, with the index it built (kept open for the searches).</summary>
    private sealed record Indexing(ReportIndex Index, double FilesSeconds, double EmbeddingSeconds, long FileBytes,
        long PeakWorkingSet, long FilesManagedPeak, long EmbeddingManagedPeak, IndexRunSummary Summary, IndexCounts Counts, long SearchDocuments)
    {
        public double Seconds => FilesSeconds + EmbeddingSeconds;
    }

    public async Task<BenchmarkDocument> RunAsync(string repositoryRoot, string workFolder, CancellationToken cancel)
    {
        var started = DateTime.UtcNow;
        var loadAtStart = MachineFacts.LoadAverage();
        var notes = new List<string>();

        var corpus = WriteCorpus(Path.Combine(repositoryRoot, "seeds"), Path.Combine(workFolder, "corpus"));
        var parseRuns = TimeParsing(corpus, cancel);
        var analysis = TimeAnalysis(corpus.Files.Take(options.AnalysisSampleReports).ToList());
        var indexing = await TimeIndexingAsync(corpus, Path.Combine(workFolder, "index", "reportsearch.db"), cancel);
        if (indexing.Summary.Failed > 0)
            notes.Add($"{indexing.Summary.Failed} synthetic report(s) failed to index, first: {indexing.Summary.Files.First(f => f.Result == FileResult.Failed).Reason}");
        using var plain = new LikeScanStore(Path.Combine(workFolder, "baseline", "plain.db"));
        var plainSeconds = TimePlainInserts(plain, corpus);
        var trigramSeconds = plainSeconds + plain.BuildTrigramIndex();

        var queries = BenchQueries.Load(repositoryRoot);
        SearchMethod Searching(string name, SearchService.Signals signals) => new(name, async (q, c) =>
            (await indexing.Index.Search.SearchAsync(new SearchRequest(q) { Top = options.Top }, signals, c)).Total);
        var hybrid = Searching("hybrid", SearchService.Signals.All);
        var noVectors = Searching("no-embeddings", SearchService.Signals.Words | SearchService.Signals.Bigrams);
        var bigramsOnly = Searching("bigrams-only", SearchService.Signals.Bigrams);
        var lucenePass = new SearchMethod("lucene-pass", (q, _) => Task.FromResult(indexing.Index.Search.CountLexicalMatches(q)));
        var likeScan = new SearchMethod("like-scan", (q, _) => Task.FromResult(plain.Scan(ScanTerms(q))));
        var trigram = new SearchMethod("fts5-trigram", (q, _) => Task.FromResult(plain.Trigram(ScanTerms(q))));
        // Compare as `compare QUERY` runs it; its count is the problems shown across all reports.
        var comparing = new SearchMethod("compare", async (q, c) =>
            (await indexing.Index.Compare.CompareAsync(q, perReport: null, reports: null, c)).Groups.Sum(g => g.Matches.Count));

        var usable = await UsableQueries(queries.Queries, [hybrid, comparing], cancel);
        if (usable.Count < queries.Queries.Count)
            notes.Add($"{queries.Queries.Count - usable.Count} of {queries.Queries.Count} queries are rejected by search (no searchable words) and were left out");
        var timings = await TimeSearches([hybrid, comparing, noVectors, bigramsOnly, lucenePass, likeScan, trigram], usable, cancel);
        var latency = timings.ByMethod;

        var directories = await TimeDirectoriesAsync(indexing.Index, usable, cancel);
        var searched = latency[hybrid.Name];
        var indexMBps = corpus.Megabytes / indexing.Seconds;
        BaselineFigures Baseline(string what, SearchMethod method, double? mbps) => new(what)
        {
            SearchP50Ms = Round(latency[method.Name].P50), SearchP95Ms = Round(latency[method.Name].P95),
            SearchP50Ratio = Round(latency[method.Name].P50 / searched.P50),
            MeanMatches = Round(latency[method.Name].MeanMatches),
            IndexMBps = mbps is { } v ? Round(v) : null,
            IndexMBpsRatio = mbps is { } w ? Round(w / indexMBps) : null,
        };

        return new BenchmarkDocument
        {
            Reports = options.Reports,
            CorpusMB = Round(corpus.Megabytes),
            ParseMBps = Round(Latency.Percentile(parseRuns, 0.5)),
            IndexMBps = Round(indexMBps),
            IndexSeconds = Round(indexing.Seconds),
            IndexBytesPerReport = Math.Round((double)indexing.FileBytes / options.Reports),
            PeakMemoryMB = Round(indexing.PeakWorkingSet / MB),
            SearchP50Ms = Round(searched.P50),
            SearchP95Ms = Round(searched.P95),
            CompareP50Ms = Round(latency[comparing.Name].P50),
            CompareP95Ms = Round(latency[comparing.Name].P95),
            Baselines = new Dictionary<string, BaselineFigures>
            {
                [likeScan.Name] = Baseline(
                    "no index: the same reports as plain SQLite rows (read, parse, INSERT; no analysis, FTS or embeddings), " +
                    "searched by LIKE '%word%' over every problem statement and measure text, the query's words OR-ed, unranked",
                    likeScan, corpus.Megabytes / plainSeconds),
                [trigram.Name] = Baseline(
                    "SQLite FTS5 with its trigram tokenizer over the same statements and measure texts (built after the plain rows), " +
                    "the query's words of three characters or more OR-ed, ranked by bm25, every match read",
                    trigram, corpus.Megabytes / trigramSeconds),
                [noVectors.Name] = Baseline(
                    "ReportSearch without vectors: BM25 over words and bigrams fused; indexing without training and writing the embeddings",
                    noVectors, corpus.Megabytes / indexing.FilesSeconds),
                [bigramsOnly.Name] = Baseline("BM25 over character bigrams alone (no words, no thesaurus, no vectors)", bigramsOnly, null),
                [lucenePass.Name] = Baseline(
                    "the engine alone: the Lucene query search runs (words and bigrams, boosts, equivalents) over the same index, " +
                    "its matches counted (TotalHitCountCollector) and nothing else: no floor, term sets, facets, fusion, vectors or hits",
                    lucenePass, null),
            },
            PeakMemoryKind = "Process.PeakWorkingSet64 read after indexing: the whole process up to then (corpus writing, parse passes, indexing)",
            IndexManagedPeakMB = Round(Math.Max(indexing.FilesManagedPeak, indexing.EmbeddingManagedPeak) / MB),
            IndexPhases = new IndexPhases(Round(indexing.FilesSeconds), Round(indexing.EmbeddingSeconds), indexing.FileBytes, indexing.Summary.Failed,
                Round(indexing.FilesManagedPeak / MB), Round(indexing.EmbeddingManagedPeak / MB))
            {
                AnalysisMBps = analysis.MBps,
                AnalysisShareOfFiles = Round(Math.Min(1, corpus.Megabytes / analysis.MBps / (indexing.FilesSeconds * Environment.ProcessorCount))),
            },
            Counts = new CorpusCounts(indexing.Counts.Problems, indexing.Counts.Measures, indexing.SearchDocuments, indexing.Counts.Embeddings, usable.Count),
            ParseRuns = parseRuns,
            Search = new SearchSampling(queries.Source, timings.Rounds, searched.Count, options.Top, Round(searched.MeanMatches),
                Round(latency[comparing.Name].MeanMatches),
                timings.FirstByType.ToDictionary(kv => kv.Key, kv => new QueryTypeLatency(kv.Value.Count / timings.Rounds, Round(kv.Value.P50), Round(kv.Value.P95)))),
            Machine = new MachineFacts(Environment.ProcessorCount, RuntimeInformation.FrameworkDescription,
                RuntimeInformation.OSDescription, SqliteFile.Version(), started.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                loadAtStart, MachineFacts.LoadAverage()),
            Directories = directories,
            Notes = notes,
        };
    }

    /// <summary>
    /// The field notes report MMapDirectory much slower than the others under parallel search on .NET (apache/lucenenet#1151):
    /// the same index files opened through each implementation, searched (words and bigrams, no vectors) by several clients at once.
    /// </summary>
    private async Task<List<DirectoryLatency>> TimeDirectoriesAsync(ReportIndex index, IReadOnlyList<BenchQuery> queries, CancellationToken cancel)
    {
        var results = new List<DirectoryLatency>();
        foreach (var kind in Enum.GetValues<SearchDirectoryKind>())
        {
            using var searchIndex = new SearchIndex(index.Store, analyzer, new SearchIndexOptions { Directory = kind });
            var search = new SearchService(index.Store, searchIndex, analyzer, embeddings: null, settings.Ranking);
            var latency = new Latency();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, options.ConcurrentClients), cancel, async (client, c) =>
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    var q = queries[(i + client * 7) % queries.Count];
                    var one = Stopwatch.StartNew();
                    var result = await search.SearchAsync(new SearchRequest(q.Text) { Top = options.Top }, SearchService.Signals.Words | SearchService.Signals.Bigrams, c);
                    lock (latency) latency.Add(one.Elapsed, result.Total);
                }
            });
            results.Add(new DirectoryLatency(kind.ToString(), options.ConcurrentClients, latency.Count, Round(latency.P50), Round(latency.P95),
                Round(latency.Count / clock.Elapsed.TotalSeconds)));
            Say($"{kind} directory, {options.ConcurrentClients} clients: p50 {latency.P50:0.00} ms, p95 {latency.P95:0.00} ms");
        }
        return results;
    }

    private Corpus WriteCorpus(string seedsFolder, string folder)
    {
        Say($"writing {options.Reports} synthetic reports from {seedsFolder}");
        var files = SyntheticCorpus.FromFolder(seedsFolder).Write(folder, options.Reports);
        return new Corpus(folder, files, files.Sum(f => new FileInfo(f).Length));
    }

    /// <summary>Reads and parses every file, several passes: MB/s of each pass.</summary>
    private double[] TimeParsing(Corpus corpus, CancellationToken cancel)
    {
        var runs = new double[options.TimedPasses];
        for (var i = 0; i < runs.Length; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            foreach (var f in corpus.Files) Parse(f);
            runs[i] = Round(corpus.Megabytes / clock.Elapsed.TotalSeconds);
            Say($"parse pass {i + 1}: {runs[i]} MB/s");
        }
        return runs;
    }

    /// <summary>
    /// The real indexer into a fresh file, then the embeddings, as `index` does them one after the other (timed apart here).
    /// Memory is read at the end: the process's peak working set, and the managed heap's peak sampled during the phase.
    /// </summary>
    private async Task<Indexing> TimeIndexingAsync(Corpus corpus, string dbPath, CancellationToken cancel)
    {
        // The path `index` takes (parse, categorise, store), with the embedding refresh held back so it is timed on its own.
        var index = ReportIndex.Open(dbPath, settings, analyzer);
        var filesIndexer = new Indexer(index.Store, index.SearchIndex, index.Parse, embeddings: null);
        Say("indexing");
        var interval = TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        IndexRunSummary summary;
        long filesPeak, embeddingPeak;
        using (var heap = new ManagedHeapPeak(interval))
        {
            summary = await filesIndexer.IndexAsync([corpus.Folder], cancel);
            filesPeak = heap.PeakBytes;
        }
        var filesSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using (var heap = new ManagedHeapPeak(interval))
        {
            await index.Embeddings.RefreshAsync(cancel);
            embeddingPeak = heap.PeakBytes;
        }
        var embeddingSeconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var searchBytes = new DirectoryInfo(index.SearchIndex.Path).EnumerateFiles().Sum(f => f.Length);
        var indexing = new Indexing(index, filesSeconds, embeddingSeconds, SqliteFile.CheckpointedBytes(dbPath) + searchBytes,
            process.PeakWorkingSet64, filesPeak, embeddingPeak, summary, index.Store.CountRows(), index.SearchIndex.DocumentCount());
        Say($"indexed in {indexing.Seconds:0.0} s ({filesSeconds:0.0} s files, {embeddingSeconds:0.0} s embeddings), {indexing.FileBytes / MB:0.0} MB");
        return indexing;
    }

    /// <summary>The baseline's indexing: the same files read, parsed and inserted as plain rows. Seconds taken.</summary>
    private double TimePlainInserts(LikeScanStore plain, Corpus corpus)
    {
        var clock = Stopwatch.StartNew();
        foreach (var f in corpus.Files) plain.Add(Parse(f));
        Say($"plain insert baseline in {clock.Elapsed.TotalSeconds:0.0} s");
        return clock.Elapsed.TotalSeconds;
    }

    private Core.Model.RectificationReport Parse(string file) => _parser.Parse(File.ReadAllBytes(file), Path.GetFileName(file));

    private sealed record AnalysisTiming(int Reports, double MBps);

    /// <summary>
    /// The analysis chain alone over a sample of reports, on the texts the search index analyses (each problem's headings,
    /// statement and measures, then each measure again): how much of indexing is analysis. One pass is run untimed first:
    /// a single cold pass is mostly the JIT's work (0.9 MB/s against 2.5 warm, measured), which indexing pays only once.
    /// The median of the timed passes is reported.
    /// </summary>
    private AnalysisTiming TimeAnalysis(IReadOnlyList<string> sample)
    {
        var reports = sample.Select(Parse).ToList();
        var texts = reports.SelectMany(r => r.Problems)
            .SelectMany(p => p.Measures.Select(m => m.Text).Prepend(string.Join(' ', p.Measures.Select(m => m.Text)))
                .Prepend(p.Statement).Prepend(string.Join(' ', p.Headings))).ToList();
        var bytes = sample.Sum(f => new FileInfo(f).Length);
        foreach (var text in texts) analyzer.Analyze(text);
        var passes = new double[Math.Max(1, options.TimedPasses)];
        for (var i = 0; i < passes.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var text in texts) analyzer.Analyze(text);
            passes[i] = bytes / MB / clock.Elapsed.TotalSeconds;
        }
        var timing = new AnalysisTiming(sample.Count, Round(Latency.Percentile(passes, 0.5)));
        Say($"analysis chain alone: {timing.MBps} MB/s of report files on one core (sample of {timing.Reports}, median of {passes.Length} warm passes)");
        return timing;
    }

    /// <summary>The query set minus those search or compare reject (only stop words, say); running each once also warms the index.</summary>
    private static async Task<List<BenchQuery>> UsableQueries(IReadOnlyList<BenchQuery> queries, IReadOnlyList<SearchMethod> methods, CancellationToken cancel)
    {
        var usable = new List<BenchQuery>();
        foreach (var q in queries)
        {
            try
            {
                foreach (var m in methods) await m.Run(q.Text, cancel);
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
    private async Task<SearchTimings> TimeSearches(IReadOnlyList<SearchMethod> methods, IReadOnlyList<BenchQuery> queries, CancellationToken cancel)
    {
        foreach (var q in queries.Take(options.WarmupQueries))
            foreach (var m in methods) await m.Run(q.Text, cancel);

        var latency = methods.ToDictionary(m => m.Name, _ => new Latency());
        var firstByType = queries.Select(q => q.Type).Distinct().ToDictionary(t => t, _ => new Latency());
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
                    var matches = await m.Run(queries[qi].Text, cancel);
                    var elapsed = clock.Elapsed;
                    latency[m.Name].Add(elapsed, matches);
                    if (m == methods[0]) firstByType[queries[qi].Type].Add(elapsed, matches);
                }
            }
            rounds++;
            Say($"search round {rounds}: " + string.Join(", ", methods.Select(m => $"{m.Name} p50 {latency[m.Name].P50:0.00} ms")));
        }
        return new SearchTimings(latency, firstByType, rounds);
    }

    /// <summary>What a grep-like search looks for: the query's words of two characters or more (else the whole query), no thesaurus.</summary>
    private IReadOnlyList<string> ScanTerms(string query)
    {
        var analyzed = analyzer.AnalyzeQuery(query);
        var words = analyzed.Words.Where(w => w.Length > 1).Distinct().ToList();
        return words.Count > 0 ? words : [analyzed.Normalized];
    }

    private void Say(string line) => progress.WriteLine($"bench: {line}");

    private static double Round(double value) => Math.Round(value, 3);
}
