using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;

namespace ReportSearch.Core.Analysis;

/// <summary>Makes the configured segmenter's Tokenizer: for running text, or for the fine words inside one term.</summary>
internal static class SegmenterTokenizers
{
    public static Func<TextReader, Tokenizer> For(Segmenter segmenter, bool fine) => segmenter switch
    {
        Segmenter.Icu => reader => new IcuWordTokenizer(reader),
        Segmenter.SmartCn => reader => new HMMChineseTokenizer(reader),
        Segmenter.Jieba => reader => new JiebaTokenizer(reader, fine ? TokenizerMode.Search : TokenizerMode.Default),
        _ => throw new InputRejectedException($"Analysis:Segmenter is {segmenter}; choose icu, smartcn or jieba."),
    };
}
