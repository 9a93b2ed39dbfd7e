using System.Text.Json;
using System.Text.Json.Nodes;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Web.Api;
using PublicitySite.Words;

namespace PublicitySite.Tests.Api;

/// <summary>The problem details each kind of refusal answers with: the shapes API clients already read.</summary>
public sealed class ResultProblemsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static JsonObject Body(Failure failure)
    {
        var problem = ResultProblems.Problem(failure);
        var json = JsonSerializer.SerializeToNode(problem.ProblemDetails, Web)!.AsObject();
        Assert.Equal(problem.StatusCode, (int)json["status"]!);
        return json;
    }

    [Fact]
    public void A_word_check_refusal_is_422_with_each_hit_in_its_context()
    {
        var check = new WordCheckResult { Hits = [new WordHit("正文", "政协代表", "政协委员", WordLevel.Block, "规范称谓", 3, "多位", "参加")] };
        var body = Body(new Failure.WordsFound("稿件含有须修改的错敏词，不能提交", check));

        Assert.Equal(422, (int)body["status"]!);
        Assert.Equal("错敏词检查未通过", body["title"]!.ToString());
        Assert.Equal("稿件含有须修改的错敏词，不能提交", body["detail"]!.ToString());
        Assert.True((bool)body["blocking"]!);
        var hit = body["hits"]![0]!.AsObject();
        Assert.Equal(["field", "term", "replacement", "level", "note", "context"], hit.Select(p => p.Key));
        Assert.Equal("Block", hit["level"]!.ToString());
        Assert.Equal("多位【政协代表】参加", hit["context"]!.ToString());
    }

    [Fact]
    public void A_version_conflict_names_the_current_version_even_when_it_is_unknown()
    {
        var stale = Body(ContentFailures.Conflict("内容已被他人修改", 3));
        Assert.Equal(409, (int)stale["status"]!);
        Assert.Equal("版本或状态冲突", stale["title"]!.ToString());
        Assert.Equal(3, (int)stale["currentVersion"]!);
        Assert.Equal(3, ContentFailures.CurrentVersion(ContentFailures.Conflict("x", 3)));

        var raced = Body(ContentFailures.Conflict("他人刚刚办理了此稿件，请刷新后查看最新状态"));
        Assert.True(raced.ContainsKey("currentVersion"));
        Assert.Null(raced["currentVersion"]);
        Assert.Null(ContentFailures.CurrentVersion(new Failure.Conflict("x")));
    }

    [Fact]
    public void Messages_tied_to_no_field_are_listed_as_text_and_name_no_parameter()
    {
        var body = Body(Failure.Invalid.Of("标题不能为空", "栏目不存在"));
        Assert.Equal(400, (int)body["status"]!);
        Assert.Equal("请求内容有误", body["title"]!.ToString());
        Assert.Equal("标题不能为空；栏目不存在", body["detail"]!.ToString());
        Assert.Equal(["标题不能为空", "栏目不存在"], body["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.False(body.ContainsKey("parameter"));

        var named = Body(new Failure.Invalid("comment", "审批意见不超过 2000 字"));
        Assert.Equal("comment", named["parameter"]!.ToString());
        Assert.Equal("comment", named["errors"]![0]!["field"]!.ToString());
    }
}
