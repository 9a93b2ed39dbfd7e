using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PublicitySite.Web.Api;

/// <summary>
/// The write handlers read their JSON body themselves (any field of the recipe may come), so the OpenAPI
/// document is told here which keys the body takes, among them the two forms of the body text.
/// </summary>
internal static class ContentWriteOpenApi
{
    public static Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "内容字段（字段名不区分大小写；其余字段按内容类型的配方取值）。正文二选一：bodyHtml 优先。",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("内容类型，例如 News（仅新建时）"),
                ["title"] = Text("标题"),
                ["column"] = Text("栏目名称或网址键"),
                ["body"] = Text("正文，Markdown 格式（旧格式，仍可用）"),
                ["bodyHtml"] = Text("正文，HTML 格式（富文本）：保存时清理 Word/WPS 标记并按白名单过滤——标题 h2–h4、段落、加粗/斜体/下划线、列表、引用、表格（含 colspan/rowspan）、对齐与首行缩进（class：align-center、align-right、align-justify、indent）、图片 figure（img 须为媒体库地址 /media/{id} 且有 alt，可带 figcaption，宽度 class：size-full/large/medium/small）、链接（http、https、mailto、站内地址；附件链接 class=attachment）"),
                ["slug"] = Text("网址别名"),
                ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "所基于的版本号（修改时也可用 If-Match 头）" },
            },
            Examples = [new JsonObject { ["type"] = "News", ["title"] = "市政协召开全体会议", ["column"] = "工作动态", ["bodyHtml"] = "<h2>会议概况</h2><p class=\"indent\">会议审议通过了<strong>工作报告</strong>。</p>" }],
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
