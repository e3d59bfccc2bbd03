using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Makes the configured segmenter's Tokenizer, for running text or for the fine words inside one term. The chains
/// given one factory share its memo of the last segmentation (SmartCn's tokenizer is Lucene's own and segments anew).
/// </summary>
internal static class SegmenterTokenizers
{
    public static Func<TextReader, Tokenizer> For(Segmenter segmenter, bool fine)
    {
        var memo = new SegmentationMemo();
        return segmenter switch
        {
            Segmenter.Icu => reader => new IcuWordTokenizer(reader, memo),
            Segmenter.SmartCn => reader => new HMMChineseTokenizer(reader),
            Segmenter.Jieba => reader => new JiebaTokenizer(reader, fine ? TokenizerMode.Search : TokenizerMode.Default, memo),
            _ => throw new ArgumentOutOfRangeException(nameof(segmenter), segmenter, null),
        };
    }

    /// <summary>The segmenter named by the Analysis:Segmenter setting, in any case.</summary>
    public static Segmenter Parse(string? name) =>
        Enum.TryParse<Segmenter>(name, ignoreCase: true, out var segmenter) && Enum.IsDefined(segmenter)
            ? segmenter
            : throw new InputRejectedException($"Analysis:Segmenter is '{name}'; choose icu, smartcn or jieba.");
}
