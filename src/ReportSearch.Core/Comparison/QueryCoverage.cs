using ReportSearch.Core.Analysis;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Comparison;

/// <summary>A query's terms for coverage: its character bigrams, and its words each with their thesaurus equivalents.</summary>
public sealed record CoverageTerms(IReadOnlyList<string> Bigrams, IReadOnlyList<IReadOnlyList<string>> Words);

/// <summary>
/// How much of a query's wording a problem holds, through the same analysis chain as the index: the share of the
/// query's bigrams found in the problem's headings, statement and measures, or the share of its words found there
/// literally or as a thesaurus equivalent (混编混岗 is held by a problem about 借调), whichever is higher.
/// Fused search scores crowd near the top, so this is what tells a district that names the query from one that merely
/// ranks next.
/// </summary>
public sealed class QueryCoverage(ITextAnalyzer analyzer)
{
    public CoverageTerms TermsOf(string query)
    {
        var analyzed = analyzer.AnalyzeQuery(query);
        var words = analyzed.Words
            .Select(w => (IReadOnlyList<string>)analyzed.Expansions.Where(e => e.ExpandedFrom == w).Select(e => e.Term).Prepend(w).ToList())
            .ToList();
        return new CoverageTerms(analyzed.Bigrams, words);
    }

    /// <summary>A share from 0 to 1; 0 for a query without terms.</summary>
    public double Of(CoverageTerms terms, Problem problem)
    {
        var text = string.Join('\n', problem.Headings.Append(problem.Statement).Concat(problem.Measures.Select(m => m.Text)));
        var analyzed = analyzer.Analyze(text);
        var held = new HashSet<string>(analyzed.Words.Concat(analyzed.Bigrams), StringComparer.Ordinal);
        var bigrams = terms.Bigrams.Count == 0 ? 0 : (double)terms.Bigrams.Count(held.Contains) / terms.Bigrams.Count;
        var words = terms.Words.Count == 0 ? 0 : (double)terms.Words.Count(w => w.Any(term => Holds(held, term))) / terms.Words.Count;
        return Math.Max(bigrams, words);
    }

    /// <summary>A term is held as a word, or as all of its bigrams (the chain may cut it differently in running text).</summary>
    private bool Holds(HashSet<string> held, string term)
    {
        if (held.Contains(term)) return true;
        var bigrams = analyzer.Analyze(term).Bigrams;
        return bigrams.Count > 0 && bigrams.All(held.Contains);
    }
}
