using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Random;
using ReportSearch.Core.Analysis;

namespace ReportSearch.Index.Embeddings;

/// <summary>
/// The built-in embedding: latent semantic analysis of the indexed problems. Each text becomes a TF-IDF vector over the
/// analyser's words and bigrams (sublinear tf, smoothed idf, L2-normalised), projected onto the top right-singular vectors
/// of the corpus matrix (truncated SVD), then L2-normalised. Problems that share vocabulary with the same neighbours land
/// close even when they share no word with each other, which is what a colloquial query needs.
/// </summary>
public sealed class LsaModel
{
    /// <summary>v2 saves the projection as 16-bit floats; v1 (32-bit) models still load.</summary>
    private const string Magic = "ReportSearch.LSA.v2";
    private const string MagicV1 = "ReportSearch.LSA.v1";
    private const int MaxVocabulary = 60_000;
    private const int Oversampling = 10;
    private const int PowerIterations = 2;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly float[] _idf;
    private readonly float[] _projection; // vocabulary × Dimensions, row-major

    /// <summary>Stored with every vector it made, so vectors of an older model are recognised and recomputed.</summary>
    public string Version { get; }
    public int Dimensions { get; }
    public int TrainedOnProblems { get; }
    public int VocabularySize => _idf.Length;

    private LsaModel(string version, int trainedOn, Dictionary<string, int> vocabulary, float[] idf, float[] projection, int dimensions)
    {
        Version = version;
        TrainedOnProblems = trainedOn;
        _vocabulary = vocabulary;
        _idf = idf;
        _projection = projection;
        Dimensions = dimensions;
    }

    /// <summary>Terms of a text as the model counts them: words and bigrams kept apart (a two-character word is not its bigram).</summary>
    private static IEnumerable<string> Terms(ITextAnalyzer analyzer, string text)
    {
        var a = analyzer.Analyze(text);
        return a.Words.Select(w => WordPrefix + w).Concat(a.Bigrams.Select(b => BigramPrefix + b));
    }

    private const string WordPrefix = "w:";
    private const string BigramPrefix = "b:";

    /// <summary>
    /// Trains on <paramref name="sample"/> (the caller bounds it: time and memory grow with the sample, not the corpus);
    /// <paramref name="corpusProblems"/> is the corpus it stands for, against which later churn is measured.
    /// </summary>
    public static LsaModel Train(IReadOnlyList<string> sample, ITextAnalyzer analyzer, int targetDimensions, int corpusProblems)
    {
        if (sample.Count < 2) throw new InvalidOperationException("the built-in embedding needs at least two problems to train on");
        var counted = sample.AsParallel().AsOrdered().Select(d => Terms(analyzer, d).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count())).ToList();

        var df = new Dictionary<string, int>();
        foreach (var doc in counted)
            foreach (var term in doc.Keys) df[term] = df.GetValueOrDefault(term) + 1;
        // A term in a single problem cannot relate two problems; BM25 still finds it.
        var minDf = counted.Count >= 20 ? 2 : 1;
        var vocabulary = df.Where(kv => kv.Value >= minDf).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(MaxVocabulary).Select((kv, i) => (kv.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var n = counted.Count;
        var idf = new float[vocabulary.Count];
        foreach (var (term, j) in vocabulary) idf[j] = (float)(Math.Log((1.0 + n) / (1.0 + df[term])) + 1.0);

        var rows = counted.Select(doc => Weigh(doc.Where(kv => vocabulary.ContainsKey(kv.Key)).Select(kv => (vocabulary[kv.Key], kv.Value)), idf)).ToList();
        var b = RowSpaceSketch(rows, vocabulary.Count, Math.Min(targetDimensions, Math.Min(n, vocabulary.Count)) + Oversampling);

        // B Bᵀ is small (l×l): its eigenvectors give B's left singular vectors, and V = Bᵀ U Σ⁻¹ the right ones.
        var evd = (b * b.Transpose()).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, evd.EigenValues.Count).OrderByDescending(i => evd.EigenValues[i].Real).ToList();
        var top = evd.EigenValues[order[0]].Real;
        var kept = order.Where(i => evd.EigenValues[i].Real > top * 1e-9).Take(targetDimensions).ToList();
        var dims = kept.Count;
        var projection = new float[vocabulary.Count * dims];
        var bt = b.Transpose();
        for (var c = 0; c < dims; c++)
        {
            var u = evd.EigenVectors.Column(kept[c]);
            var v = bt * u / Math.Sqrt(evd.EigenValues[kept[c]].Real);
            // Rounded to 16 bits as saved (ToBytes), so a trained model embeds exactly as it will once reloaded.
            for (var j = 0; j < vocabulary.Count; j++) projection[j * dims + c] = (float)(Half)v[j];
        }
        return new LsaModel($"builtin-lsa:{DateTime.UtcNow.Ticks:x}", Math.Max(corpusProblems, sample.Count), vocabulary, idf, projection, dims);
    }

    /// <summary>
    /// A small matrix B whose rows span (approximately) the row space of the corpus matrix A: A itself when the corpus has few
    /// problems, otherwise Qᵀ A with Q from a randomized range finder (Halko, Martinsson and Tropp 2011) with power iterations.
    /// </summary>
    private static Matrix<double> RowSpaceSketch(List<SparseRow> rows, int vocabulary, int l)
    {
        var n = rows.Count;
        if (n <= l)
        {
            var a = new DenseMatrix(n, vocabulary);
            for (var i = 0; i < n; i++)
                for (var k = 0; k < rows[i].Columns.Length; k++) a[i, rows[i].Columns[k]] = rows[i].Values[k];
            return a;
        }
        var omega = DenseMatrix.CreateRandom(vocabulary, l, new Normal(0, 1, new MersenneTwister(17)));
        var y = Times(rows, omega);
        for (var it = 0; it < PowerIterations; it++)
        {
            var z = TransposeTimes(rows, y.QR(QRMethod.Thin).Q, vocabulary);
            y = Times(rows, z.QR(QRMethod.Thin).Q);
        }
        var q = y.QR(QRMethod.Thin).Q;
        return TransposeTimes(rows, q, vocabulary).Transpose();
    }

    // Sparse × dense products over row-major arrays: the corpus matrix is too large and too sparse for dense algebra.
    private static Matrix<double> Times(List<SparseRow> rows, Matrix<double> m)
    {
        var l = m.ColumnCount;
        var dense = m.ToRowMajorArray();
        var result = new double[rows.Count * l];
        for (var i = 0; i < rows.Count; i++)
            for (var k = 0; k < rows[i].Columns.Length; k++)
            {
                var source = rows[i].Columns[k] * l;
                var v = rows[i].Values[k];
                for (var c = 0; c < l; c++) result[i * l + c] += v * dense[source + c];
            }
        return Matrix<double>.Build.DenseOfRowMajor(rows.Count, l, result);
    }

    private static Matrix<double> TransposeTimes(List<SparseRow> rows, Matrix<double> m, int vocabulary)
    {
        var l = m.ColumnCount;
        var dense = m.ToRowMajorArray();
        var result = new double[vocabulary * l];
        for (var i = 0; i < rows.Count; i++)
            for (var k = 0; k < rows[i].Columns.Length; k++)
            {
                var target = rows[i].Columns[k] * l;
                var v = rows[i].Values[k];
                for (var c = 0; c < l; c++) result[target + c] += v * dense[i * l + c];
            }
        return Matrix<double>.Build.DenseOfRowMajor(vocabulary, l, result);
    }

    private readonly record struct SparseRow(int[] Columns, double[] Values);

    private static SparseRow Weigh(IEnumerable<(int Column, int Count)> counts, float[] idf)
    {
        var entries = counts.Select(c => (c.Column, Value: (1.0 + Math.Log(c.Count)) * idf[c.Column])).OrderBy(e => e.Column).ToArray();
        var norm = Math.Sqrt(entries.Sum(e => e.Value * e.Value));
        return new SparseRow(entries.Select(e => e.Column).ToArray(), entries.Select(e => norm > 0 ? e.Value / norm : 0).ToArray());
    }

    /// <summary>The unit vector of a text; all zeros when none of its terms is in the vocabulary.</summary>
    public float[] Embed(string text, ITextAnalyzer analyzer)
    {
        var analysed = analyzer.Analyze(text);
        var counts = new Dictionary<int, int>();
        CountColumns(WordPrefix, analysed.Words, counts);
        CountColumns(BigramPrefix, analysed.Bigrams, counts);
        var row = Weigh(counts.Select(kv => (kv.Key, kv.Value)), _idf);
        var v = new float[Dimensions];
        for (var k = 0; k < row.Columns.Length; k++)
        {
            var offset = row.Columns[k] * Dimensions;
            var w = (float)row.Values[k];
            for (var c = 0; c < Dimensions; c++) v[c] += w * _projection[offset + c];
        }
        return VectorIndex.Normalize(v);
    }

    [ThreadStatic] private static char[]? _key;

    /// <summary>
    /// Counts the vocabulary columns of <paramref name="terms"/>, looking each up as prefix + term through a span: a problem
    /// is embedded without building a prefixed string per token (every problem of the corpus is embedded after each training).
    /// </summary>
    private void CountColumns(string prefix, IReadOnlyList<string> terms, Dictionary<int, int> counts)
    {
        var lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var key = _key ??= new char[64];
        prefix.CopyTo(key);
        foreach (var term in terms)
        {
            if (prefix.Length + term.Length > key.Length) Array.Resize(ref key, 2 * (prefix.Length + term.Length));
            term.CopyTo(key.AsSpan(prefix.Length));
            if (lookup.TryGetValue(key.AsSpan(0, prefix.Length + term.Length), out var column))
                counts[column] = counts.GetValueOrDefault(column) + 1;
        }
        _key = key;
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(TrainedOnProblems);
            w.Write(Dimensions);
            w.Write(_idf.Length);
            foreach (var (term, j) in _vocabulary.OrderBy(kv => kv.Value)) { w.Write(term); w.Write(_idf[j]); }
            // The projection is most of the model (vocabulary × dimensions): at 16 bits it is half the bytes, and a unit
            // vector's components keep three significant digits, as stored vectors do (StoredVector).
            var half = new Half[_projection.Length];
            TensorPrimitives.ConvertToHalf(_projection, half);
            w.Write(MemoryMarshal.AsBytes(half.AsSpan()));
        }
        return ms.ToArray();
    }

    public static LsaModel FromBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var magic = r.ReadString();
        if (magic is not (Magic or MagicV1)) throw new InvalidDataException("the saved embedding model is not a ReportSearch LSA model");
        var version = r.ReadString();
        var trainedOn = r.ReadInt32();
        var dims = r.ReadInt32();
        var size = r.ReadInt32();
        var vocabulary = new Dictionary<string, int>(size);
        var idf = new float[size];
        for (var j = 0; j < size; j++) { vocabulary[r.ReadString()] = j; idf[j] = r.ReadSingle(); }
        var projection = new float[size * dims];
        if (magic == MagicV1)
        {
            if (r.Read(MemoryMarshal.AsBytes(projection.AsSpan())) != projection.Length * sizeof(float))
                throw new InvalidDataException("the saved embedding model is truncated");
        }
        else
        {
            var half = new Half[projection.Length];
            if (r.Read(MemoryMarshal.AsBytes(half.AsSpan())) != half.Length * Unsafe.SizeOf<Half>())
                throw new InvalidDataException("the saved embedding model is truncated");
            TensorPrimitives.ConvertToSingle(half, projection);
        }
        return new LsaModel(version, trainedOn, vocabulary, idf, projection, dims);
    }
}
