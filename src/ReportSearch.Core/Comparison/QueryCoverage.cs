using ReportSearch.Core.Analysis;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Comparison;

/// <summary>
/// How much of a query's wording a problem holds: the share of the query's character bigrams (its words when it has
/// none) found in the problem's headings, statement and measures, through the same analysis chain as the index.
/// Fused search scores crowd near the top, so this is what tells a district that names the query from one that merely
/// ranks next.
/// </summary>
public sealed class QueryCoverage(ITextAnalyzer analyzer)
{
    public IReadOnlyList<string> TermsOf(string query)
    {
        var analyzed = analyzer.AnalyzeQuery(query);
        return analyzed.Bigrams.Count > 0 ? analyzed.Bigrams : analyzed.Words;
    }

    /// <summary>A share from 0 to 1; 0 for a query without terms.</summary>
    public double Of(IReadOnlyList<string> terms, Problem problem)
    {
        if (terms.Count == 0) return 0;
        var text = string.Join('\n', problem.Headings.Append(problem.Statement).Concat(problem.Measures.Select(m => m.Text)));
        var analyzed = analyzer.Analyze(text);
        var held = new HashSet<string>(analyzed.Words.Concat(analyzed.Bigrams), StringComparer.Ordinal);
        return (double)terms.Count(held.Contains) / terms.Count;
    }
}
