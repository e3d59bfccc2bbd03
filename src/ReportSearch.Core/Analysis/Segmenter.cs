namespace ReportSearch.Core.Analysis;

/// <summary>Which word segmenter the analysis chain starts with ("ReportSearch:Analysis:Segmenter" in appsettings).</summary>
public enum Segmenter
{
    /// <summary>ICU's dictionary word break iterator (ICU4N, the data Lucene.Net.ICU's ICUTokenizer uses).</summary>
    Icu,

    /// <summary>Lucene.Net.Analysis.SmartCn's HMMChineseTokenizer (the design card's choice).</summary>
    SmartCn,

    /// <summary>jieba.NET, with the domain lexicon added to its dictionary.</summary>
    Jieba,
}
