namespace ReportSearch.Core.Analysis;

/// <summary>
/// A set of terms with longest-match lookup at a position. Lookups go through spans, so matching
/// over a long text allocates nothing. Every prefix of every term is kept, so a lookup grows the match one character at a
/// time and stops at the first prefix no term has: most positions are rejected after one lookup, and a match costs its
/// own length in lookups, not the longest term's.
/// </summary>
internal sealed class Lexicon
{
    private readonly HashSet<string> _terms;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;

    public Lexicon(IEnumerable<string> terms)
    {
        _terms = new HashSet<string>(terms.Where(t => t.Length > 0), StringComparer.Ordinal);
        var prefixes = new HashSet<string>(_terms.SelectMany(t => Enumerable.Range(2, Math.Max(0, t.Length - 1)).Select(n => t[..n])), StringComparer.Ordinal);
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _terms.Count;

    public bool Contains(string term) => _terms.Contains(term);

    public bool Contains(ReadOnlySpan<char> term) => _termLookup.Contains(term);

    /// <summary>Length of the longest term starting at <paramref name="start"/> and ending by <paramref name="limit"/>; 0 if none.</summary>
    public int LongestMatch(string text, int start, int limit)
    {
        var longest = limit > start && _termLookup.Contains(text.AsSpan(start, 1)) ? 1 : 0;
        for (var length = 2; length <= limit - start && _prefixLookup.Contains(text.AsSpan(start, length)); length++)
            if (_termLookup.Contains(text.AsSpan(start, length))) longest = length;
        return longest;
    }

    /// <summary>Every term found inside <paramref name="term"/> other than itself (the fine words of a long term).</summary>
    public IEnumerable<string> TermsInside(string term)
    {
        for (var start = 0; start < term.Length - 1; start++)
            for (var length = 2; start + length <= term.Length; length++)
                if (length < term.Length && _termLookup.Contains(term.AsSpan(start, length)))
                    yield return term.Substring(start, length);
    }
}
