using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Model;
using ReportSearch.Index.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ReportSearch.Index.Search;

/// <summary>
/// The Lucene index that search runs on, derived from the record store and kept in step with it through the store's change
/// log: every store write logs the reports it touched; <see cref="Sync"/> re-derives their documents and commits, recording
/// in the commit's user data the last change applied. A process killed at any instant leaves either the store ahead of the
/// search index (the next sync replays the rest) or both equal; never a search document without its report.
/// Readers use a <see cref="SearcherManager"/> and see each commit, also one made by another process, on their next search.
/// A run of many writes (an `index` of a folder) holds one writer throughout (<see cref="BeginBulk"/>), so that segments
/// are flushed large and merged in the background while the next files are parsed, and commits less often.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string AppliedKey = "applied_change";
    private const string StoreKey = "store_id";
    private const string SchemaKey = "schema";
    /// <summary>The store id of a commit made in the middle of a rebuild, which no store has.</summary>
    private const string Rebuilding = "rebuilding";
    /// <summary>Changes applied per commit: bounds the memory of a replay and the work a kill can undo.</summary>
    private const int ChangesPerCommit = 500;

    private readonly IndexStore _store;
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly SearchIndexOptions _options;
    private Bulk? _bulk;
    private readonly System.Threading.Lock _writing = new();
    private readonly System.Threading.Lock _opening = new();
    private SearcherManager? _searchers;

    public string Path { get; }

    /// <summary>BM25 as Lucene implements it; the same for writing norms and for scoring.</summary>
    public static Similarity Similarity { get; } = new BM25Similarity();

    public SearchIndex(IndexStore store, ITextAnalyzer analyzer, SearchIndexOptions? options = null)
    {
        _store = store;
        _options = options ?? new SearchIndexOptions();
        Path = PathFor(store.Path);
        System.IO.Directory.CreateDirectory(Path);
        _directory = _options.Directory switch
        {
            SearchDirectoryKind.MMap => new MMapDirectory(new DirectoryInfo(Path)),
            SearchDirectoryKind.Simple => new SimpleFSDirectory(new DirectoryInfo(Path)),
            _ => new NIOFSDirectory(new DirectoryInfo(Path)),
        };
        var fields = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var part in new[] { SearchDocument.Names.Heading, SearchDocument.Names.Statement, SearchDocument.Names.Body })
        {
            fields[SearchDocument.Names.Words(part)] = analyzer.WordsAnalyzer;
            fields[SearchDocument.Names.Bigrams(part)] = analyzer.BigramsAnalyzer;
        }
        _analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), fields);
    }

    /// <summary>The Lucene folder beside the store: index/reportsearch.db → index/reportsearch.db.search/.</summary>
    public static string PathFor(string storePath) => storePath + ".search";

    /// <summary>
    /// Brings the search index up to the store's last change: replays the logged changes, or rebuilds every document when
    /// the index is missing, was made from another store, or by another schema. Returns the documents written.
    /// Callers hold the project's writer lock (one writing process per index).
    /// </summary>
    public int Sync(IReadOnlyDictionary<string, RectificationReport>? written = null, CancellationToken cancel = default)
    {
        lock (_writing)
        {
            if (_bulk is { } bulk) return Apply(bulk, written, cancel);
            var commit = LatestCommit();
            var storeId = _store.StoreId();
            var rebuild = commit is null || commit.GetValueOrDefault(StoreKey) != storeId || commit.GetValueOrDefault(SchemaKey) != SearchDocument.Schema;
            var applied = rebuild ? 0 : long.Parse(commit![AppliedKey], CultureInfo.InvariantCulture);
            var last = _store.LastChange();
            if (!rebuild && applied >= last) return 0;

            if (!rebuild)
            {
                // A replay is a bulk write of its own, committed every ChangesPerCommit changes.
                var replay = new Bulk(this, OpenWriter(create: false), applied, ChangesPerCommit, compacts: false);
                try { return Apply(replay, written, cancel); }
                finally { Finish(replay); }
            }

            var documents = 0;
            using (var writer = OpenWriter(create: true))
            {
                // Everything in the store now, committed as of the last change logged before reading it.
                writer.DeleteAll();
                var ids = _store.ReportIds();
                foreach (var batch in ids.Chunk(ChangesPerCommit))
                {
                    documents += Write(writer, batch, written, cancel);
                    Commit(writer, Rebuilding, 0); // not this store's yet: a kill mid-rebuild rebuilds again
                }
                Commit(writer, storeId, last);
                Compact(writer, storeId, last);
            }
            _store.PruneChanges(last);
            _searchers?.MaybeRefreshBlocking();
            return documents;
        }
    }

    /// <summary>
    /// Starts a run of many writes: the index catches up with the store, then every <see cref="Sync"/> until the returned
    /// scope is disposed adds to one open writer and commits only every <see cref="SearchIndexOptions.BulkCommitChanges"/>
    /// changes (readers see the run's progress at those commits). Disposing commits the rest and closes the writer. A
    /// process killed during the run loses only uncommitted documents, which the store's change log replays on the next open.
    /// </summary>
    public IDisposable BeginBulk(CancellationToken cancel = default)
    {
        lock (_writing)
        {
            if (_bulk is not null) throw new InvalidOperationException("a bulk write is already running on this index");
            Sync(cancel: cancel);
            var applied = LatestCommit() is { } commit ? long.Parse(commit[AppliedKey], CultureInfo.InvariantCulture) : 0;
            _bulk = new Bulk(this, OpenWriter(create: false), applied, _options.BulkCommitChanges, compacts: true);
            return _bulk;
        }
    }

    private int Apply(Bulk bulk, IReadOnlyDictionary<string, RectificationReport>? written, CancellationToken cancel)
    {
        var documents = 0;
        var last = _store.LastChange();
        try
        {
            while (bulk.Applied < last)
            {
                var changes = _store.ChangesAfter(bulk.Applied, ChangesPerCommit);
                if (changes.Count == 0) break;
                documents += Write(bulk.Writer, changes.Select(c => c.ReportId).Distinct().ToList(), written, cancel);
                bulk.Applied = changes[^1].Seq;
                bulk.Uncommitted += changes.Count;
                bulk.Written += changes.Count;
                if (bulk.Uncommitted >= bulk.CommitEvery) CommitBulk(bulk);
            }
        }
        catch
        {
            // A writer that failed part-way may hold half a change: its documents are dropped, not committed.
            bulk.Failed = true;
            throw;
        }
        return documents;
    }

    private void CommitBulk(Bulk bulk)
    {
        Commit(bulk.Writer, _store.StoreId(), bulk.Applied);
        bulk.Uncommitted = 0;
        _store.PruneChanges(bulk.Applied);
        _searchers?.MaybeRefreshBlocking();
    }

    private void EndBulk(Bulk bulk)
    {
        lock (_writing)
        {
            try { Finish(bulk); }
            finally { _bulk = null; }
        }
    }

    /// <summary>Commits what the writer holds and closes it; a writer that failed is rolled back instead.</summary>
    private void Finish(Bulk bulk)
    {
        if (bulk.Failed)
        {
            bulk.Writer.Rollback();
            return;
        }
        if (bulk.Uncommitted > 0) CommitBulk(bulk);
        if (bulk.Compacts && bulk.Written >= bulk.CommitEvery && Compact(bulk.Writer, _store.StoreId(), bulk.Applied))
            _searchers?.MaybeRefreshBlocking();
        bulk.Writer.Dispose();
    }

    private sealed class Bulk(SearchIndex index, IndexWriter writer, long applied, int commitEvery, bool compacts) : IDisposable
    {
        public IndexWriter Writer { get; } = writer;
        /// <summary>The last change written to <see cref="Writer"/>, committed or not.</summary>
        public long Applied { get; set; } = applied;
        /// <summary>Changes written between commits.</summary>
        public int CommitEvery { get; } = commitEvery;
        public int Uncommitted { get; set; }
        /// <summary>Changes written in the whole run.</summary>
        public long Written { get; set; }
        /// <summary>Whether a run that wrote at least <see cref="CommitEvery"/> changes ends merged (<see cref="Compact"/>).</summary>
        public bool Compacts { get; } = compacts;
        public bool Failed { get; set; }
        public void Dispose() => index.EndBulk(this);
    }

    /// <summary>Drops the search index and derives it again from the store (after the lexicon, thesaurus or analyzer changed).</summary>
    public int Rebuild(CancellationToken cancel = default)
    {
        lock (_writing)
        {
            using (var writer = OpenWriter(create: true)) Commit(writer, Rebuilding, 0);
            return Sync(cancel: cancel);
        }
    }

    private int Write(IndexWriter writer, IReadOnlyList<string> reportIds, IReadOnlyDictionary<string, RectificationReport>? written, CancellationToken cancel)
    {
        var documents = 0;
        // Analysis runs inside AddDocument on the calling thread: reports in parallel use every core.
        Parallel.ForEach(reportIds, new ParallelOptions { CancellationToken = cancel }, id =>
        {
            var term = new Term(SearchDocument.Names.Report, id);
            // The report as the store has it now: a later change may have removed it again.
            var report = written?.GetValueOrDefault(id) is { } fresh && _store.HasReport(id) ? fresh : _store.GetReport(id);
            if (report is null)
            {
                writer.DeleteDocuments(term);
                return;
            }
            var docs = SearchDocument.For(report).ToList();
            writer.UpdateDocuments(term, docs);
            Interlocked.Add(ref documents, docs.Count);
        });
        return documents;
    }

    private IndexWriter OpenWriter(bool create)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = _options.RamBufferMB,
        };
        return new IndexWriter(_directory, config);
    }

    private static void Commit(IndexWriter writer, string storeId, long applied)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [AppliedKey] = applied.ToString(CultureInfo.InvariantCulture),
            [StoreKey] = storeId,
            [SchemaKey] = SearchDocument.Schema,
        });
        writer.Commit();
    }

    /// <summary>
    /// Merges the committed index down to <see cref="SearchIndexOptions.SegmentsAfterRun"/> segments and commits the same state
    /// again. A search pays per segment (every query term sought in each, its scorers and doc values opened in each), and
    /// the merge policy leaves a large run in twenty-odd segments. Done after the run's last commit, so a process killed
    /// while merging keeps that commit (Lucene removes the unfinished merge's files at the next open). False when there was
    /// nothing to merge: an index already in that many segments gets no second commit.
    /// </summary>
    private bool Compact(IndexWriter writer, string storeId, long applied)
    {
        if (_options.SegmentsAfterRun < 1) return false;
        writer.ForceMerge(_options.SegmentsAfterRun);
        if (!writer.HasUncommittedChanges()) return false;
        Commit(writer, storeId, applied);
        return true;
    }

    private Dictionary<string, string>? LatestCommit()
    {
        if (!DirectoryReader.IndexExists(_directory)) return null;
        var infos = new SegmentInfos();
        infos.Read(_directory);
        return infos.UserData is { } data && data.ContainsKey(AppliedKey) ? new Dictionary<string, string>(data) : null;
    }

    /// <summary>How far the search index is behind the store: 0 when every logged change is applied.</summary>
    public long Lag()
    {
        var commit = LatestCommit();
        if (commit is null || commit.GetValueOrDefault(StoreKey) != _store.StoreId()) return _store.LastChange() + 1;
        return _store.LastChange() - long.Parse(commit[AppliedKey], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A searcher over the latest commit, refreshed when a writer (this process or another) committed since; release it with
    /// <see cref="Release"/>. Null when nothing was ever committed.
    /// </summary>
    public IndexSearcher? Acquire()
    {
        var searchers = _searchers;
        if (searchers is null)
        {
            lock (_opening)
            {
                if (_searchers is null)
                {
                    if (!DirectoryReader.IndexExists(_directory)) return null;
                    _searchers = new SearcherManager(_directory, new SimilarFactory());
                }
                searchers = _searchers;
            }
        }
        searchers.MaybeRefresh();
        return searchers.Acquire();
    }

    public void Release(IndexSearcher searcher) => _searchers!.Release(searcher);

    /// <summary>Documents in the latest commit (problems and measures): what the integrity checks compare with the store.</summary>
    public int DocumentCount()
    {
        var searcher = Acquire();
        if (searcher is null) return 0;
        try { return searcher.IndexReader.NumDocs; }
        finally { Release(searcher); }
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _directory.Dispose();
    }

    private sealed class SimilarFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
