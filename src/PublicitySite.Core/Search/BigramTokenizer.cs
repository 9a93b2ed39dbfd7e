using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PublicitySite.Search;

/// <summary>
/// Splits folded text into overlapping pairs of Chinese characters (政协委员 → 政协 协委 委员; a character standing
/// alone is its own token) and runs of other letters and digits into words. It does what StandardTokenizer +
/// CJKBigramFilter did here in one pass over the characters, at several times the speed — analysis is most
/// of what a rebuild costs.
/// </summary>
internal sealed class BigramTokenizer : Tokenizer
{
    private const int MaxWord = 255;
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;
    private char[] buffer = new char[4096];
    private int length;
    private int position;

    public BigramTokenizer(TextReader input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (position < length)
        {
            var c = buffer[position];
            if (TextFolding.IsHan(c))
            {
                var start = position++;
                if (position < length && TextFolding.IsHan(buffer[position]))
                {
                    return Emit(start, 2);
                }

                if (start == 0 || !TextFolding.IsHan(buffer[start - 1]))
                {
                    return Emit(start, 1);
                }

                continue; // the last character of a run is already in the pair before it
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = position;
                while (position < length && char.IsLetterOrDigit(buffer[position]) && !TextFolding.IsHan(buffer[position]))
                {
                    position++;
                }

                return Emit(start, Math.Min(position - start, MaxWord));
            }

            position++;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        length = 0;
        position = 0;
        int read;
        while ((read = m_input.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(length);
        offset.SetOffset(final, final);
    }

    private bool Emit(int start, int count)
    {
        term.CopyBuffer(buffer, start, count);
        offset.SetOffset(CorrectOffset(start), CorrectOffset(start + count));
        increment.PositionIncrement = 1;
        return true;
    }
}
