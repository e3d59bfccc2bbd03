using System.Text;
using Lucene.Net.Analysis.Standard;

namespace ReportSearch.Core.Analysis;

/// <summary>What a token is, decided from its characters; filters act on kinds (bigrams only over Cjk runs).</summary>
internal enum TokenKind
{
    Cjk,
    Number,
    NumberUnit,
    Letter,
    Punctuation,
    /// <summary>A fine sub-word inside a longer lexicon term: at its term's position, never part of running text.</summary>
    Subword,
}

/// <summary>
/// One token as the project's buffered filters see it: Start/End are offsets into the original text (they tell which
/// tokens touch), Increment is Lucene's position increment.
/// </summary>
internal readonly record struct Token(string Text, int Start, int End, TokenKind Kind, int Increment = 1)
{
    /// <summary>Whether each character of the text is one character of the original (no char filter changed lengths here).</summary>
    public bool OneToOne => End - Start == Text.Length;

    /// <summary>Offset in the original of the character at <paramref name="index"/> of the text; the start when lengths differ.</summary>
    public int OffsetAt(int index) => OneToOne ? Start + index : index >= Text.Length ? End : Start;

    public static TokenKind KindOf(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return TokenKind.Punctuation;
        if (char.IsDigit(text[0])) return TokenKind.Number;
        var allCjk = true;
        var anyLetterOrDigit = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!CjkText.IsCjk(rune)) allCjk = false;
            if (Rune.IsLetterOrDigit(rune)) anyLetterOrDigit = true;
        }
        if (allCjk) return TokenKind.Cjk;
        return anyLetterOrDigit ? TokenKind.Letter : TokenKind.Punctuation;
    }
}

/// <summary>
/// Token kinds as Lucene token types: Chinese words carry StandardTokenizer's ideographic type, which is what
/// CJKBigramFilter bigrams; punctuation is typed so TypeTokenFilter can drop it once the filters that need it are done.
/// </summary>
internal static class TokenTypes
{
    public static readonly string Ideographic = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    public const string Number = "<NUM>";
    public const string NumberUnit = "<NUM_UNIT>";
    public const string Letter = "<ALPHANUM>";
    public const string Punctuation = "<PUNCT>";
    public const string Subword = "<SUBWORD>";

    public static string Of(TokenKind kind) => kind switch
    {
        TokenKind.Cjk => Ideographic,
        TokenKind.Number => Number,
        TokenKind.NumberUnit => NumberUnit,
        TokenKind.Letter => Letter,
        TokenKind.Subword => Subword,
        _ => Punctuation,
    };

    /// <summary>A kind this chain's tokenizers or filters gave is kept; any other type (SmartCn's "word") is decided from the text.</summary>
    public static TokenKind KindOf(string type, ReadOnlySpan<char> text) => type switch
    {
        NumberUnit => TokenKind.NumberUnit,
        Subword => TokenKind.Subword,
        Number => TokenKind.Number,
        Letter => TokenKind.Letter,
        Punctuation => TokenKind.Punctuation,
        _ when ReferenceEquals(type, Ideographic) => TokenKind.Cjk,
        _ => Token.KindOf(text),
    };
}

/// <summary>Which characters count as Chinese for lexicon matching and bigrams.</summary>
public static class CjkText
{
    public static bool IsCjk(Rune r) => r.Value is
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F)
        or 0x3007; // 〇, used as a digit in dates and numbers
}
