using PublicitySite.Literature;

namespace PublicitySite.Tests.Literature;

public sealed class ArticleOutlineTests
{
    [Fact]
    public void Headings_get_unique_ids_without_a_visible_mark_and_are_listed_in_order()
    {
        var (html, headings) = ArticleOutline.Build("<h2 id=\"一纸聘书\">一纸聘书</h2><p>正文</p><h3>小节</h3><h2 id=\"一纸聘书\">重复</h2>");

        Assert.Equal(["一纸聘书", "小节", "重复"], headings.Select(h => h.Text));
        Assert.Equal([2, 3, 2], headings.Select(h => h.Level));
        Assert.Equal(3, headings.Select(h => h.Id).Distinct().Count()); // a repeated id is made unique
        Assert.Contains("<h3 id=\"section-2\">小节</h3>", html);
        Assert.Contains("<h2 id=\"一纸聘书\">一纸聘书</h2>", html);
        Assert.DoesNotContain(">#<", html);
    }

    [Fact]
    public void A_body_without_headings_is_left_as_it_is()
    {
        var (html, headings) = ArticleOutline.Build("<p>只有正文</p>");

        Assert.Equal("<p>只有正文</p>", html);
        Assert.Empty(headings);
    }
}
