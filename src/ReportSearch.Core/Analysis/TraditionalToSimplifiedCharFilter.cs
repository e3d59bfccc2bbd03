using Lucene.Net.Analysis;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Traditional → simplified as a char filter, before segmentation: the segmenters and the lexicon know simplified
/// words, so 借調 must reach them as 借调. One character for one, so offsets need no correction.
/// </summary>
internal sealed class TraditionalToSimplifiedCharFilter(TextReader input, TraditionalToSimplified map) : CharFilter(input)
{
    protected override int Correct(int currentOff) => currentOff;

    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        for (var i = index; i < index + read; i++) buffer[i] = map.Map(buffer[i]);
        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : map.Map((char)c);
    }
}
