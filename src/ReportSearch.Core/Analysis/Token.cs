using System.Text;

namespace ReportSearch.Core.Analysis;

/// <summary>What a token is, decided from its characters; filters act on kinds (bigrams only over Cjk runs).</summary>
internal enum TokenKind
{
    Cjk,
    Number,
    NumberUnit,
    Letter,
    Punctuation,
    /// <summary>A fine sub-word inside a longer lexicon term: overlaps its term, so it never joins a CJK run.</summary>
    Subword,
}

/// <summary>One token of the normalised text; Start/End are offsets into it, used to tell which tokens are adjacent.</summary>
internal readonly record struct Token(string Text, int Start, int End, TokenKind Kind)
{
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

/// <summary>Which characters count as Chinese for lexicon matching and bigrams.</summary>
internal static class CjkText
{
    public static bool IsCjk(Rune r) => r.Value is
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F)
        or 0x3007; // 〇, used as a digit in dates and numbers
}
