using System.Buffers;

namespace ReportSearch.Core.Text;

/// <summary>
/// Reads traditional characters as simplified (針對…問題 → 针对…问题) so the same numbering words, place names and
/// status words match in reports typed in either script. ICU's Traditional-Simplified transform maps character
/// for character; should it ever change a text's length the text is left as it was, keeping offsets aligned
/// for <see cref="Passage"/>.
/// </summary>
public static class TraditionalChineseFolder
{
    // Running ICU on every line of every simplified report would be wasted work: only lines holding a common
    // traditional-only character are transformed.
    private static readonly SearchValues<char> TraditionalMarkers = SearchValues.Create(
        "針對問題關於屆輪視組區縣黨開進實據統歡聯電話郵辦廳會議計劃預爭將現擬時處萬億個項戶條輛張場冊噸畝東廣陝門發經濟監責設專這們為來說與過還點讓應當後從義務動區蘇貴遼寧龍陽陰瀋陳臺灣瑪爾雲業環護農規劃幹腦體");

    private static readonly object Gate = new();
    private static Icu.Transliterator? _transliterator;
    private static bool _unavailable;

    public static string Fold(string text)
    {
        if (text.AsSpan().IndexOfAny(TraditionalMarkers) < 0) return text;
        lock (Gate)
        {
            var transliterator = Transliterator();
            if (transliterator is null) return text;
            var simplified = transliterator.Transliterate(text);
            return simplified.Length == text.Length ? simplified : text;
        }
    }

    private static Icu.Transliterator? Transliterator()
    {
        if (_transliterator is not null || _unavailable) return _transliterator;
        try
        {
            Icu.Wrapper.Init();
            _transliterator = Icu.Transliterator.CreateInstance("Traditional-Simplified", Icu.Transliterator.UTransDirection.Forward, null);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or Icu.TransliteratorParseException)
        {
            // Without the native ICU library traditional text still parses, just without this folding.
            _unavailable = true;
        }
        return _transliterator;
    }
}
