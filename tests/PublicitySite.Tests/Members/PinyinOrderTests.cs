using PublicitySite.Members;

namespace PublicitySite.Tests.Members;

public sealed class PinyinOrderTests
{
    [Fact]
    public void Surnames_sort_by_the_pinyin_of_the_surname()
    {
        string[] names = ["张敏", "陈立新", "白雪", "安明"];

        var sorted = names.OrderBy(PinyinOrder.SortKey, PinyinOrder.Comparer).ToList();

        Assert.Equal(["安明", "白雪", "陈立新", "张敏"], sorted);
    }

    [Theory]
    [InlineData("安明", 'A')]
    [InlineData("白雪", 'B')]
    [InlineData("陈立新", 'C')]
    [InlineData("欧阳修", 'O')]
    [InlineData("邬建国", 'W')]
    [InlineData("张敏", 'Z')]
    [InlineData("示例委员 冯志远", 'F')]
    [InlineData("Li Ming", 'L')]
    [InlineData("1号", '#')]
    public void A_name_files_under_the_first_letter_of_its_pinyin(string name, char letter) =>
        Assert.Equal(letter, PinyinOrder.Initial(name));

    [Theory]
    [InlineData("曾志", 'Z')]
    [InlineData("单雄", 'S')]
    [InlineData("解缙", 'X')]
    [InlineData("仇英", 'Q')]
    public void Surnames_with_a_special_reading_file_under_that_reading(string name, char letter) =>
        Assert.Equal(letter, PinyinOrder.Initial(name));

    [Fact]
    public void A_label_before_the_name_is_not_part_of_the_sort()
    {
        Assert.Equal("安明", PinyinOrder.PersonName("示例委员 安明"));
        Assert.True(PinyinOrder.Comparer.Compare(PinyinOrder.SortKey("示例委员 安明"), PinyinOrder.SortKey("白雪")) < 0);
    }

    [Theory]
    [InlineData(5, "五")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(35, "三十五")]
    public void Terms_and_sessions_are_written_in_Chinese_numerals(int n, string text) =>
        Assert.Equal(text, ChineseNumerals.Format(n));
}
