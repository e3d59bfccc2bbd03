using ReportSearch.Core.Analysis;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Comparison;

/// <summary>A query's terms for coverage: its character bigrams, and the thesaurus equivalents that stand in for some of them.</summary>
/// <param name="Equivalents">Per query word with equivalents: the word's bigrams and the terms that hold them all.</param>
public sealed record CoverageTerms(IReadOnlyList<string> Bigrams, IReadOnlyList<(IReadOnlyList<string> Bigrams, IReadOnlyList<string> Terms)> Equivalents);

/// <summary>
/// How much of a query's wording a problem holds, through the same analysis chain as the index: the share of the
/// query's bigrams found in the problem's headings, statement and measures. A query word's bigrams also count as held
/// when the problem holds one of the word's thesaurus equivalents (混编混岗 is held by a problem about 借调).
/// Fused search scores crowd near the top, so this is what tells a district that names the query from one that merely
/// ranks next.
/// </summary>
public sealed class QueryCoverage(ITextAnalyzer analyzer)
{
    public CoverageTerms TermsOf(string query)
    {
        var analyzed = analyzer.AnalyzeQuery(query);
        var equivalents = analyzed.Words
            .Select(w => (Bigrams: analyzer.Analyze(w).Bigrams, Terms: (IReadOnlyList<string>)analyzed.Expansions.Where(e => e.ExpandedFrom == w).Select(e => e.Term).ToList()))
            .Where(e => e.Terms.Count > 0 && e.Bigrams.Count > 0)
            .ToList();
        return new CoverageTerms(analyzed.Bigrams, equivalents);
    }

    /// <summary>A share from 0 to 1; 0 for a query without bigrams.</summary>
    public double Of(CoverageTerms terms, Problem problem)
    {
        if (terms.Bigrams.Count == 0) return 0;
        var text = string.Join('\n', problem.Headings.Append(problem.Statement).Concat(problem.Measures.Select(m => m.Text)));
        var analyzed = analyzer.Analyze(text);
        var held = new HashSet<string>(analyzed.Words.Concat(analyzed.Bigrams), StringComparer.Ordinal);
        foreach (var (bigrams, equivalents) in terms.Equivalents)
            if (equivalents.Any(term => Holds(held, term))) held.UnionWith(bigrams);
        return (double)terms.Bigrams.Count(held.Contains) / terms.Bigrams.Count;
    }

    /// <summary>A term is held as a word, or as all of its bigrams (the chain may cut it differently in running text).</summary>
    private bool Holds(HashSet<string> held, string term)
    {
        if (held.Contains(term)) return true;
        var bigrams = analyzer.Analyze(term).Bigrams;
        return bigrams.Count > 0 && bigrams.All(held.Contains);
    }
}
