using ReportSearch.Core.Analysis;
using ReportSearch.Core.Model;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Comparison;

/// <summary>A query's terms for coverage: its character bigrams, and the thesaurus equivalents that stand in for some of them.</summary>
/// <param name="Equivalents">Per query word with equivalents: the word's bigrams and the terms that hold them all.</param>
public sealed record CoverageTerms(IReadOnlyList<string> Bigrams, IReadOnlyList<(IReadOnlyList<string> Bigrams, IReadOnlyList<string> Terms)> Equivalents);

/// <summary>
/// How much of a query's wording a problem holds: the share of the query's bigrams (from the analysis chain) found in
/// the problem's headings, statement and measures. A query word's bigrams also count as held when the problem holds one
/// of the word's thesaurus equivalents (混编混岗 is held by a problem about 借调). Fused search scores crowd near the top,
/// so this is what tells a district that names the query from one that merely ranks next.
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
        // Folded like the chain folds queries (traditional to simplified, full-width to half-width), then searched as
        // plain text: analysing every candidate problem would cost more than the search that found it.
        var text = CharacterFolder.Fold(string.Join('\n', problem.Headings.Append(problem.Statement).Concat(problem.Measures.Select(m => m.Text))))
            .ToLowerInvariant();
        bool Holds(string term) => text.Contains(term, StringComparison.Ordinal);
        var standIns = terms.Equivalents.Where(e => e.Terms.Any(Holds)).SelectMany(e => e.Bigrams).ToHashSet(StringComparer.Ordinal);
        return (double)terms.Bigrams.Count(b => Holds(b) || standIns.Contains(b)) / terms.Bigrams.Count;
    }
}
