namespace ReportSearch.Core.Analysis;

/// <summary>
/// A set of terms with longest-match lookup at a position. Lookups go through spans, so matching
/// over a long text allocates nothing; a set of two-character prefixes rejects most positions after one lookup.
/// </summary>
internal sealed class Lexicon
{
    private readonly HashSet<string> _terms;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly int _maxLength;

    public Lexicon(IEnumerable<string> terms)
    {
        _terms = new HashSet<string>(terms.Where(t => t.Length > 0), StringComparer.Ordinal);
        var prefixes = new HashSet<string>(_terms.Where(t => t.Length >= 2).Select(t => t[..2]), StringComparer.Ordinal);
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = _terms.Count == 0 ? 0 : _terms.Max(t => t.Length);
    }

    public int Count => _terms.Count;

    public bool Contains(string term) => _terms.Contains(term);

    public bool Contains(ReadOnlySpan<char> term) => _termLookup.Contains(term);

    /// <summary>Length of the longest term starting at <paramref name="start"/> and ending by <paramref name="limit"/>; 0 if none.</summary>
    public int LongestMatch(string text, int start, int limit)
    {
        if (limit - start >= 2 && _prefixLookup.Contains(text.AsSpan(start, 2)))
            for (var length = Math.Min(_maxLength, limit - start); length >= 2; length--)
                if (_termLookup.Contains(text.AsSpan(start, length))) return length;
        return limit > start && _termLookup.Contains(text.AsSpan(start, 1)) ? 1 : 0;
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
