namespace PublicitySite.Members;

/// <summary>Small counts in Chinese numerals, as 届 and 次会议 are written (五, 十二, 二十).</summary>
public static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    public static string Format(int n)
    {
        if (n is < 0 or > 99)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (n < 10)
        {
            return Digits[n].ToString();
        }

        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
    }
}
