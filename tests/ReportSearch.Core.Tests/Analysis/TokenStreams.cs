using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ReportSearch.Core.Tests.Analysis;

/// <summary>One emitted token with the attributes the index and the highlighter use.</summary>
public sealed record Emitted(string Term, int Start, int End, int Increment, string Type);

internal static class TokenStreams
{
    /// <summary>Every token a stream emits, consumed the way IndexWriter does (Reset, IncrementToken…, End, Dispose).</summary>
    public static List<Emitted> Read(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            var tokens = new List<Emitted>();
            stream.Reset();
            while (stream.IncrementToken())
                tokens.Add(new Emitted(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, type.Type));
            stream.End();
            return tokens;
        }
    }

    public static List<Emitted> Read(Analyzer analyzer, string text) => Read(analyzer.GetTokenStream("text", text));
}
