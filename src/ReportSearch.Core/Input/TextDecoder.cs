using System.Text;

namespace ReportSearch.Core.Input;

/// <summary>
/// Decodes a text file whose encoding nobody told us: a BOM decides when present; otherwise strict UTF-8 when the
/// bytes are valid UTF-8 (and hold no NULs), else whichever of GB18030, UTF-16LE and UTF-16BE reads most like
/// Chinese report text. Bytes that read like nothing are binary and rejected.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    // GB18030 is a superset of GBK and GB2312, so one decoder covers all three.
    private static Encoding Gb18030 => Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    // Text files hold next to no control characters or undecodable bytes; binary files are full of them.
    private const double MaxBadShare = 0.02;
    private const double MinPlausibility = 0.5;

    public static string Decode(byte[] bytes)
    {
        var text = DecodeByBom(bytes) ?? DecodeByContent(bytes);
        if (BadShare(text) > MaxBadShare || Plausibility(text) < MinPlausibility)
            throw new InputRejectedException(
                $"the file looks binary, not text: it is no format ReportSearch reads; {AcceptedFormats.Text}",
                InputRejection.UnsupportedType);
        return text;
    }

    private static string? DecodeByBom(byte[] bytes)
    {
        // After a BOM the encoding is settled: a stray bad byte becomes U+FFFD rather than a different guess.
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(bytes.AsSpan(3));
        if (bytes is [0xFF, 0xFE, ..]) return Utf16Le.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Utf16Be.GetString(bytes, 2, bytes.Length - 2);
        return null;
    }

    private static string DecodeByContent(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) < 0)
        {
            try { return StrictUtf8.GetString(bytes); }
            catch (DecoderFallbackException) { /* not UTF-8: weigh the other candidates */ }
        }
        // Lenient UTF-8 stays a candidate: a UTF-8 file cut mid-character must not turn into GB18030 mojibake.
        var candidates = new List<string> { Gb18030.GetString(bytes), Encoding.UTF8.GetString(bytes) };
        if (bytes.Length % 2 == 0)
        {
            candidates.Add(Utf16Le.GetString(bytes));
            candidates.Add(Utf16Be.GetString(bytes));
        }
        return candidates.MaxBy(Plausibility)!;
    }

    private static double BadShare(string text)
    {
        if (text.Length == 0) return 0;
        var bad = text.Count(c => c == '\uFFFD' || (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\u007F');
        return (double)bad / text.Length;
    }

    /// <summary>How much of the text is what reports are made of: Han characters, CJK punctuation, ASCII text, whitespace.</summary>
    internal static double Plausibility(string text)
    {
        if (text.Length == 0) return 1;
        double score = 0;
        var sample = text.Length > 20_000 ? text[..20_000] : text;
        foreach (var c in sample) score += Weight(c);
        return score / sample.Length;
    }

    private static double Weight(char c) => c switch
    {
        '\uFFFD' or '\0' => -5,
        '\n' or '\r' or '\t' or ' ' => 1,
        < ' ' or '\u007F' => -5,
        >= '0' and <= '9' => 1,
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' => 0.6,
        < '\u0080' => 1,
        >= '\u4E00' and <= '\u9FFF' => 1,
        >= '\u3400' and <= '\u4DBF' => 0.5,
        >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or >= '\u2000' and <= '\u206F' => 1,
        // NBSP, middle dot, ×, ㎡ and circled numbers ①… are common in reports.
        '\u00A0' or '\u00B7' or '\u00D7' or '\u33A1' or (>= '\u2460' and <= '\u24FF') => 1,
        _ => 0,
    };
}
