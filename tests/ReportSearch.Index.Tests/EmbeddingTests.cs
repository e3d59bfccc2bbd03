using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Search;

namespace ReportSearch.Index.Tests;

public sealed class EmbeddingTests
{
    [Fact]
    public void Exact_vector_search_returns_what_a_naive_scan_returns()
    {
        var rng = new Random(11);
        float[] RandomUnit(int d) => VectorIndex.Normalize(Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray());
        var rows = Enumerable.Range(0, 2000).Select(i => ($"p{i}", RandomUnit(96))).ToList();
        var index = new VectorIndex(rows);
        for (var q = 0; q < 25; q++)
        {
            var query = RandomUnit(96);
            var k = 1 + q * 3;
            var ordered = rows.Select(r => (r.Item1, Score: r.Item2.Zip(query, (a, b) => (double)a * b).Sum()))
                .OrderByDescending(x => x.Score).ToList();
            var naive = ordered.Take(k).ToList();
            var exact = index.Nearest(query, k);
            Assert.Equal(naive.Select(x => x.Item1), exact.Select(x => x.Id));
            Assert.All(exact.Zip(naive), p => Assert.True(Math.Abs(p.Second.Score - p.First.Score) < 1e-5));
            var floor = (float)((ordered[k / 2].Score + ordered[k / 2 + 1].Score) / 2); // between two scores: no rounding tie
            Assert.Equal(naive.Where(x => x.Score >= floor).Select(x => x.Item1), index.Nearest(query, k, floor).Select(x => x.Id));
        }
    }

    [Fact]
    public void The_hnsw_graph_loads_its_native_library_and_finds_nearly_what_the_exact_scan_finds()
    {
        var rng = new Random(3);
        float[] RandomUnit(int d) => VectorIndex.Normalize(Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray());
        var rows = Enumerable.Range(0, 3000).Select(i => ($"p{i}", RandomUnit(32))).ToList();
        var exact = new VectorIndex(rows);
        using var approximate = new VectorIndex(rows, new VectorSearchOptions { ApproximateAboveRows = 1000 });
        Assert.False(exact.IsApproximate);
        Assert.True(approximate.IsApproximate);
        double found = 0;
        const int queries = 40;
        for (var q = 0; q < queries; q++)
        {
            var query = RandomUnit(32);
            var truth = exact.Nearest(query, 10);
            var got = approximate.Nearest(query, 10);
            found += got.Select(g => g.Id).Intersect(truth.Select(t => t.Id)).Count() / 10.0;
            // Whatever the graph proposes is rescored exactly: the same row has the same score in both.
            var exactScores = truth.ToDictionary(t => t.Id, t => t.Score);
            Assert.All(got.Where(g => exactScores.ContainsKey(g.Id)), g => Assert.Equal(exactScores[g.Id], g.Score));
        }
        Assert.True(found / queries >= 0.9, $"recall@10 of HNSW against exact: {found / queries:0.000}");
    }

    [Fact]
    public async Task Embeddings_are_written_page_by_page_and_a_stopped_run_resumes_with_the_problems_left()
    {
        using var t = new TestIndex(new EmbeddingOptions { PageSize = 10 });
        var indexer = new ReportSearch.Index.Indexing.Indexer(t.Store, t.Index.SearchIndex, t.Index.Parse, embeddings: null);
        await indexer.IndexAsync([t.Seed("000"), t.Seed("002")]);
        Assert.True(t.Index.Embeddings.NeedsTraining());

        await t.Index.Embeddings.RefreshAsync();
        var model = Assert.IsType<LsaEmbeddingGenerator>(t.Index.Embeddings.CurrentSpace()!.Generator).Model;
        Assert.Equal(89, t.Store.LoadEmbeddings(model.Version).Count);
        Assert.Contains("\"sample\":89", t.Store.LoadModelInfo(EmbeddingMaintenance.BuiltinModelName));

        // Vectors of a page lost (as if the run had been killed after training and 6 pages): the next refresh only fills them in.
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t.DbPath}"))
        {
            c.Open();
            using var delete = c.CreateCommand();
            delete.CommandText = "DELETE FROM embeddings WHERE problem_id IN (SELECT problem_id FROM embeddings ORDER BY problem_id DESC LIMIT 29)";
            Assert.Equal(29, delete.ExecuteNonQuery());
        }
        Assert.False(t.Index.Embeddings.NeedsTraining());
        await t.Index.Embeddings.RefreshAsync();
        Assert.Equal(model.Version, t.Index.Embeddings.CurrentSpace()!.ModelKey);
        Assert.Equal(89, t.Store.LoadEmbeddings(model.Version).Count);
    }

    [Fact]
    public void Training_on_a_sample_keeps_the_corpus_size_for_retraining_and_projects_texts_outside_it()
    {
        var texts = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? $"违规借调干部问题整改第{i}项" : $"耕地保护不力违法占用第{i}项").ToList();
        var model = LsaModel.Train(texts.Take(20).ToList(), TestIndex.Analyzer, 8, corpusProblems: 40);
        Assert.Equal(40, model.TrainedOnProblems);
        var near = TensorDot(model.Embed("借调干部", TestIndex.Analyzer), model.Embed(texts[30], TestIndex.Analyzer));
        var far = TensorDot(model.Embed("借调干部", TestIndex.Analyzer), model.Embed(texts[31], TestIndex.Analyzer));
        Assert.True(near > far, $"借调干部 is nearer a 借调 text ({near:0.000}) than an 耕地 one ({far:0.000})");
    }

    private static float TensorDot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    [Fact]
    public async Task The_built_in_model_is_trained_on_the_corpus_saved_in_the_index_and_retrained_when_a_fifth_is_new()
    {
        using var t = new TestIndex();
        await t.Index.Indexer.IndexAsync([t.Seed("000")]);
        var first = t.Index.Embeddings.CurrentSpace()!;
        var firstModel = Assert.IsType<LsaEmbeddingGenerator>(first.Generator).Model;
        Assert.Equal(41, firstModel.TrainedOnProblems);
        Assert.Equal(41, t.Store.CountRows().Embeddings);

        // 48 new problems against 41 trained on: well over 20%, so the model is retrained and every vector remade.
        await t.Index.Indexer.IndexAsync([t.Seed("002")]);
        var second = Assert.IsType<LsaEmbeddingGenerator>(t.Index.Embeddings.CurrentSpace()!.Generator).Model;
        Assert.Equal(89, second.TrainedOnProblems);
        Assert.NotEqual(firstModel.Version, second.Version);
        Assert.Equal(89, t.Store.LoadEmbeddings(second.Version).Count);
        Assert.False(t.Index.Embeddings.NeedsTraining());

        // Saved bytes give back the same model: same vector for the same text.
        var reloaded = LsaModel.FromBytes(second.ToBytes());
        const string text = "借调干部不规范且数量多";
        Assert.Equal(second.Embed(text, TestIndex.Analyzer), reloaded.Embed(text, TestIndex.Analyzer));
        var v = second.Embed(text, TestIndex.Analyzer);
        Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3);
        Assert.True(v.Length <= 128);
    }

    [Fact]
    public async Task The_openai_compatible_generator_batches_authenticates_and_normalises_against_a_loopback_server()
    {
        using var server = new FakeEmbeddingServer(dimensions: 8);
        Environment.SetEnvironmentVariable("REPORTSEARCH_TEST_EMBED_KEY", "sekret");
        var options = new EmbeddingOptions
        {
            Provider = "openai", Endpoint = server.BaseUrl + "v1", Model = "fake-embed", ApiKeyVariable = "REPORTSEARCH_TEST_EMBED_KEY",
            BatchSize = 2, Dimensions = 8,
        };
        using var http = new HttpClient();
        var generator = new OpenAiEmbeddingGenerator(http, options);
        var texts = new[] { "借调干部", "混编混岗", "两违", "借调干部", "吃空饷" };

        var embeddings = await generator.GenerateAsync(texts);

        Assert.Equal(5, embeddings.Count);
        Assert.Equal(3, server.Requests.Count); // 2 + 2 + 1
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("/v1/embeddings", r.Path);
            Assert.Equal("Bearer sekret", r.Authorization);
            Assert.Equal("fake-embed", r.Body.GetProperty("model").GetString());
            Assert.Equal(8, r.Body.GetProperty("dimensions").GetInt32());
        });
        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[3].Vector.ToArray());
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
        Assert.Equal(VectorIndex.Normalize(FakeEmbeddingServer.VectorOf("混编混岗", 8)), embeddings[1].Vector.ToArray());
        Assert.All(embeddings, e => Assert.Equal(1.0, Math.Sqrt(e.Vector.ToArray().Sum(x => (double)x * x)), 4));
    }

    [Fact]
    public async Task An_index_configured_for_an_openai_compatible_endpoint_embeds_every_problem_through_it_and_searches_with_it()
    {
        using var server = new FakeEmbeddingServer(dimensions: 16);
        var options = new EmbeddingOptions { Provider = "openai", Endpoint = server.BaseUrl + "v1", Model = "fake-embed", BatchSize = 32, ApiKeyVariable = "REPORTSEARCH_UNSET_KEY" };
        using var t = new TestIndex(options);
        await t.IndexSeedsAsync();
        Assert.Equal(89, t.Store.LoadEmbeddings("openai:fake-embed:default").Count);
        Assert.Equal(3, server.Requests.Count); // ceil(89 / 32)
        Assert.All(server.Requests, r => Assert.Null(r.Authorization));

        var requestsBefore = server.Requests.Count;
        var result = await t.Index.Search.SearchAsync(new SearchRequest("借调干部"), SearchService.Signals.Vectors);
        Assert.Equal(requestsBefore + 1, server.Requests.Count); // the query was embedded by the endpoint
        Assert.NotEmpty(result.Hits);

        await t.IndexSeedsAsync(); // nothing new: no request
        Assert.Equal(requestsBefore + 1, server.Requests.Count);
    }

    [Fact]
    public async Task When_the_endpoint_fails_the_reports_are_still_indexed_and_the_summary_says_why_vectors_are_missing()
    {
        using var server = new FakeEmbeddingServer(dimensions: 4) { FailWith = HttpStatusCode.ServiceUnavailable };
        using var t = new TestIndex(new EmbeddingOptions { Provider = "openai", Endpoint = server.BaseUrl + "v1", ApiKeyVariable = "REPORTSEARCH_UNSET_KEY" });
        var summary = await t.IndexSeedsAsync();
        Assert.StartsWith("indexed 2, unchanged 0, failed 0\nwarning: embeddings not updated", summary.ToString());
        Assert.Contains("503", summary.ToString());
        Assert.Equal(89, t.Store.CountRows().Problems);
        Assert.Equal(0, t.Store.CountRows().Embeddings);
        var words = await t.Index.Search.SearchAsync(new SearchRequest("借调"), SearchService.Signals.Words | SearchService.Signals.Bigrams);
        Assert.NotEmpty(words.Hits);
    }

    [Fact]
    public async Task When_nothing_listens_at_the_endpoint_the_reports_are_indexed_and_the_vectors_left_for_the_next_run()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop(); // nothing listens there now
        using var t = new TestIndex(new EmbeddingOptions
        {
            Provider = "openai", Endpoint = $"http://127.0.0.1:{port}/v1", ApiKeyVariable = "REPORTSEARCH_UNSET_KEY", Retries = 0,
        });
        var summary = await t.IndexSeedsAsync();
        Assert.StartsWith("indexed 2, unchanged 0, failed 0\nwarning: embeddings not updated, will retry on the next index run", summary.ToString());
        Assert.Contains($"127.0.0.1:{port}", summary.ToString());
        Assert.Equal(89, t.Store.CountRows().Problems);
        Assert.Equal(0, t.Store.CountRows().Embeddings);
    }

    [Fact]
    public async Task An_endpoint_error_is_reported_with_its_status()
    {
        using var server = new FakeEmbeddingServer(dimensions: 4) { FailWith = HttpStatusCode.Unauthorized };
        var generator = new OpenAiEmbeddingGenerator(new HttpClient(), new EmbeddingOptions { Endpoint = server.BaseUrl + "v1" });
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => generator.GenerateAsync(["借调"]));
        Assert.Contains("401", ex.Message);
    }

    /// <summary>
    /// A minimal OpenAI-compatible /v1/embeddings on 127.0.0.1 (free port): each text's vector is derived from its SHA-256,
    /// so answers are deterministic and differ between texts.
    /// </summary>
    private sealed class FakeEmbeddingServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly int _dimensions;
        public string BaseUrl { get; }
        public List<(string Path, string? Authorization, JsonElement Body)> Requests { get; } = [];
        public HttpStatusCode? FailWith { get; init; }

        public FakeEmbeddingServer(int dimensions)
        {
            _dimensions = dimensions;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public static float[] VectorOf(string text, int dimensions)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
            return Enumerable.Range(0, dimensions).Select(i => hash[i % hash.Length] / 255f - 0.5f).ToArray();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); } catch (Exception) { return; }
                using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
                lock (Requests) Requests.Add((ctx.Request.Url!.AbsolutePath, ctx.Request.Headers["Authorization"], body));
                string answer;
                if (FailWith is { } status)
                {
                    ctx.Response.StatusCode = (int)status;
                    answer = """{"error":{"message":"bad key"}}""";
                }
                else
                {
                    var inputs = body.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToList();
                    // In input order, as OpenAI's API answers and the SDK's adapter expects.
                    var data = inputs.Select((s, i) => new { @object = "embedding", index = i, embedding = VectorOf(s, _dimensions) });
                    answer = JsonSerializer.Serialize(new { @object = "list", data, model = body.GetProperty("model").GetString(), usage = new { prompt_tokens = 1, total_tokens = 1 } });
                }
                var bytes = Encoding.UTF8.GetBytes(answer);
                ctx.Response.ContentType = "application/json";
                await ctx.Response.OutputStream.WriteAsync(bytes);
                ctx.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
