using JiebaNet.Segmenter;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// jieba.NET as a Lucene Tokenizer. Default mode cuts running text into words; Search mode also gives the shorter
/// dictionary words inside long ones (中华人民共和国 → 中华, 人民, 共和国, …), which is what the sub-words of a long
/// term are, so the chain asks Search mode only for those (SubwordFilter) and keeps running text a partition.
/// </summary>
internal sealed class JiebaTokenizer(TextReader input, TokenizerMode mode, SegmentationMemo memo) : WholeTextTokenizer(input, memo)
{
    // jieba's dictionary is one per process; the segmenter object itself holds nothing per text.
    private readonly JiebaSegmenter _segmenter = new();

    protected override void Segment(string text, List<(int Start, int End)> segments)
    {
        foreach (var token in _segmenter.Tokenize(text, mode))
            segments.Add((token.StartIndex, token.EndIndex));
    }
}

/// <summary>
/// jieba's dictionary: its data files ship in the package's Resources/ folder, copied by the build to jieba/ beside
/// every program that references ReportSearch.Core; the domain lexicon is added as the user dictionary.
/// </summary>
internal static class JiebaDictionary
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);
    private static bool _located;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "jieba");

    /// <summary>Points jieba at its files and adds <paramref name="terms"/> (the dictionary is process-wide, so terms only accumulate).</summary>
    public static void Prepare(IEnumerable<string> terms)
    {
        lock (Gate)
        {
            if (!_located)
            {
                if (!File.Exists(Path.Combine(Folder, "dict.txt")))
                    throw new InputRejectedException($"Analysis:Segmenter is jieba but its dictionary is missing from {Folder}; rebuild so jieba.NET's Resources are copied there, or choose icu.");
                ConfigManager.ConfigFileBaseDir = Folder;
                _located = true;
            }
            var segmenter = new JiebaSegmenter();
            foreach (var term in terms)
                if (Added.Add(term)) segmenter.AddWord(term);
        }
    }
}
