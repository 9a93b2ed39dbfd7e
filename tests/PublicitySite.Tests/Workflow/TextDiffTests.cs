using PublicitySite.Workflow;

namespace PublicitySite.Tests.Workflow;

public sealed class TextDiffTests
{
    [Fact]
    public void Chinese_text_is_compared_character_by_character()
    {
        var spans = TextDiff.Compare("市政协召开常委会议。\n第二段不变。\n", "市政协召开主席会议。\n第二段不变。\n");

        Assert.Equal(
            [(DiffKind.Same, "市政协召开"), (DiffKind.Removed, "常委"), (DiffKind.Added, "主席"), (DiffKind.Same, "会议。\n第二段不变。\n")],
            spans.Select(s => (s.Kind, s.Text)));
    }

    [Fact]
    public void Added_and_removed_lines_show_as_such()
    {
        var spans = TextDiff.Compare("甲\n乙\n", "甲\n丙\n乙\n");
        Assert.Equal([(DiffKind.Same, "甲\n"), (DiffKind.Added, "丙\n"), (DiffKind.Same, "乙\n")], spans.Select(s => (s.Kind, s.Text)));
    }

    [Fact]
    public void Identical_texts_have_no_changes()
    {
        Assert.All(TextDiff.Compare("一样的文字", "一样的文字"), s => Assert.Equal(DiffKind.Same, s.Kind));
    }
}
