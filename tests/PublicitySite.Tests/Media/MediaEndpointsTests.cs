using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Users;
using SixLabors.ImageSharp;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Media;

/// <summary>The media API and public media addresses over real HTTP through the app.</summary>
public sealed class MediaEndpointsTests(ITestOutputHelper output)
{
    public static MultipartFormDataContent Form(byte[] file, string fileName = "photo.jpg", string? alt = "全体会议现场", string contentType = "image/jpeg", string? tags = null)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }

        if (tags is not null)
        {
            form.Add(new StringContent(tags), "tags");
        }

        return form;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Uploading_needs_a_signed_in_user_whose_role_may_upload()
    {
        using var anonymous = new MediaSite();
        using var site = new MediaSite();

        var nobody = await (await anonymous.ClientAsync(role: null)).PostAsync("/api/media", Form(SampleFiles.Jpeg()));
        var reader = await (await site.ClientAsync(role: "Editor", user: "reader1", TokenScopes.ReadDrafts)).PostAsync("/api/media", Form(SampleFiles.Jpeg()));
        var editor = await (await site.ClientAsync(role: "Editor")).PostAsync("/api/media", Form(SampleFiles.Jpeg()));
        var editorDeletes = await (await site.ClientAsync(role: "Editor")).DeleteAsync($"/api/media/{(await Json(editor)).GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Contains("身份验证", await nobody.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.Created, editor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorDeletes.StatusCode);
    }

    [Fact]
    public async Task An_upload_answers_with_its_addresses_and_the_files_are_cached_for_a_year()
    {
        using var site = new MediaSite();
        var client = await site.ClientAsync();

        var response = await client.PostAsync("/api/media", Form(SampleFiles.Jpeg(1200, 900, withGps: true), tags: "全体会议，开幕"));
        var body = await Json(response);
        var url = body.GetProperty("url").GetString()!;
        var card = body.GetProperty("variants").GetProperty("card");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^/media/[0-9a-z]{12}/[0-9a-f]{16}\\.jpg$", url);
        Assert.Equal(640, card.GetProperty("width").GetInt32());
        Assert.Equal(2, body.GetProperty("tags").GetArrayLength());

        var original = await client.GetAsync(url);
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", original.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", original.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Null(Image.Identify(await original.Content.ReadAsByteArrayAsync()).Metadata.ExifProfile);

        var webp = await client.GetAsync(card.GetProperty("webp").GetString());
        Assert.Equal("image/webp", webp.Content.Headers.ContentType!.MediaType);
        Assert.Equal(640, Image.Identify(await webp.Content.ReadAsByteArrayAsync()).Width);
        var again = new HttpRequestMessage(HttpMethod.Get, card.GetProperty("webp").GetString());
        again.Headers.IfNoneMatch.Add(webp.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var stable = await client.GetAsync(body.GetProperty("stable").GetString());
        Assert.Equal(HttpStatusCode.Redirect, stable.StatusCode);
        Assert.Equal(url, stable.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Only_defined_profiles_exist_and_a_replaced_file_gets_new_addresses()
    {
        using var site = new MediaSite();
        var client = await site.ClientAsync();
        var body = await Json(await client.PostAsync("/api/media", Form(SampleFiles.Jpeg(800, 600))));
        var id = body.GetProperty("id").GetString()!;
        var oldCard = body.GetProperty("variants").GetProperty("card").GetProperty("jpeg").GetString()!;
        var folder = oldCard[..oldCard.LastIndexOf('/')];

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{folder}/800x600.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{folder}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{folder}/..%2F..%2Fpublicity.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/../publicity.db")).StatusCode);

        var replaced = await Json(await client.PostAsync($"/api/media/{id}/replace", Form(SampleFiles.Jpeg(600, 800))));
        var newCard = replaced.GetProperty("variants").GetProperty("card").GetProperty("jpeg").GetString()!;
        var old = await client.GetAsync(oldCard);

        Assert.NotEqual(oldCard, newCard);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal(newCard, old.Headers.Location!.OriginalString);
        Assert.DoesNotContain("immutable", old.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task Moving_the_focal_point_gives_crops_new_addresses_cut_around_it()
    {
        using var site = new MediaSite();
        var client = await site.ClientAsync();
        var body = await Json(await client.PostAsync("/api/media", Form(SampleFiles.Jpeg(1200, 400))));
        var id = body.GetProperty("id").GetString()!;
        var before = body.GetProperty("variants").GetProperty("portrait").GetProperty("jpeg").GetString()!;
        var centred = await (await client.GetAsync(before)).Content.ReadAsByteArrayAsync();

        var moved = await Json(await client.PutAsJsonAsync($"/api/media/{id}", new { focalX = 0.0, focalY = 0.5 }));
        var after = moved.GetProperty("variants").GetProperty("portrait").GetProperty("jpeg").GetString()!;
        var left = await client.GetAsync(after);
        var old = await client.GetAsync(before);

        Assert.NotEqual(before, after);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.NotEqual(centred, await left.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal(after, old.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(MediaUploaderTests.BadFiles), MemberType = typeof(MediaUploaderTests))]
    public async Task Each_bad_file_gets_a_problem_with_a_chinese_reason(string kind, string fileName, Type expected, string reason)
    {
        using var site = new MediaSite(new() { ["Media:MaxFileBytes"] = "1048576" });
        var client = await site.ClientAsync();
        await client.PostAsync("/api/media", Form(SampleFiles.Jpeg(32, 32)));

        using var form = Form(MediaUploaderTests.Make(kind), fileName, contentType: "image/png");
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/media", form);
        clock.Stop();
        var problem = await Json(response);
        output.WriteLine($"{kind}: {(int)response.StatusCode} {problem.GetProperty("detail").GetString()} ({clock.Elapsed.TotalMilliseconds:0} ms)");

        var (status, title) = expected.Name switch
        {
            nameof(Failure.TooLarge) => (HttpStatusCode.RequestEntityTooLarge, "文件过大"),
            nameof(Failure.Unsupported) => (HttpStatusCode.UnsupportedMediaType, "文件类型不受支持"),
            _ => (HttpStatusCode.BadRequest, "文件未被接收"),
        };
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{kind} took {clock.ElapsedMilliseconds} ms"); // no hang on a hostile file, whatever the machine's load
    }

    [Fact]
    public async Task The_size_limit_stops_reading_an_oversized_upload_midstream()
    {
        using var site = new MediaSite(new() { ["Media:MaxFileBytes"] = "1048576" });
        var endless = new CountingContent(64L * 1024 * 1024);
        var form = new MultipartFormDataContent { { new StringContent("图"), "alt" }, { endless, "file", "huge.jpg" } };

        var response = await (await site.ClientAsync()).PostAsync("/api/media", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上限", await response.Content.ReadAsStringAsync());
        output.WriteLine($"sent {endless.Sent / 1024} KB of 65536 KB before the refusal");
        Assert.True(endless.Sent < 16L * 1024 * 1024, $"the server read {endless.Sent} bytes");
    }

    [Fact]
    public async Task Deleting_media_in_use_is_refused_with_the_list_of_users()
    {
        using var site = new MediaSite();
        var admin = await site.ClientAsync(role: "Administrator", user: "admin");
        var asset = await Json(await admin.PostAsync("/api/media", Form(SampleFiles.Png(), "logo.png", contentType: "image/png")));
        var id = asset.GetProperty("id").GetString()!;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<PublicitySite.Contents.ContentManager>();
            await manager.CreateAsync("News", new() { ["title"] = "新闻配图", ["body"] = $"![标志](/media/{id})", ["column"] = "工作动态" }, "editor1");
        }

        var refused = await admin.DeleteAsync($"/api/media/{id}");
        var detail = await Json(await admin.GetAsync($"/api/media/{id}"));
        var list = await Json(await admin.GetAsync("/api/media?q=logo"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var conflict = await Json(refused);
        Assert.Equal("媒体文件仍在使用中", conflict.GetProperty("title").GetString());
        Assert.Equal("新闻配图", conflict.GetProperty("usedBy")[0].GetProperty("title").GetString());
        Assert.Equal("新闻配图", detail.GetProperty("usedBy")[0].GetProperty("title").GetString());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/media?kind=video")).StatusCode);
    }

    [Fact]
    public async Task Bad_list_parameters_and_missing_assets_get_the_shared_problems()
    {
        using var site = new MediaSite();
        var admin = await site.ClientAsync(role: "Administrator", user: "admin");

        var pageSize = await admin.GetAsync("/api/media?pageSize=101");
        var kind = await admin.GetAsync("/api/media?kind=video");
        var absent = PublicitySite.Contents.ContentIds.New();
        var missing = new[] { await admin.GetAsync($"/api/media/{absent}"), await admin.DeleteAsync($"/api/media/{absent}"), await admin.GetAsync("/api/media/not-an-id") };

        Assert.Equal(HttpStatusCode.BadRequest, pageSize.StatusCode);
        var problem = await Json(pageSize);
        Assert.Equal("请求参数有误", problem.GetProperty("title").GetString());
        Assert.Equal("pageSize 应为 1 到 100 的整数", problem.GetProperty("detail").GetString());
        Assert.Equal("pageSize", problem.GetProperty("parameter").GetString());
        Assert.Equal("kind", (await Json(kind)).GetProperty("parameter").GetString());
        foreach (var response in missing)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var notFound = await Json(response);
            Assert.Equal(("未找到", "媒体文件不存在"), (notFound.GetProperty("title").GetString(), notFound.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task Malformed_requests_get_chinese_problems_not_server_errors()
    {
        using var site = new MediaSite();
        var client = await site.ClientAsync();
        var id = (await Json(await client.PostAsync("/api/media", Form(SampleFiles.Jpeg(64, 48))))).GetProperty("id").GetString()!;

        var notJson = await client.PutAsync($"/api/media/{id}", new StringContent("{alt:", System.Text.Encoding.UTF8, "application/json"));
        var notMultipart = await client.PostAsync("/api/media", new StringContent("{\"file\": 1}", System.Text.Encoding.UTF8, "application/json"));
        var noFile = await client.PostAsync("/api/media", new MultipartFormDataContent { { new StringContent("图"), "alt" } });
        var edited = await client.PutAsJsonAsync($"/api/media/{id}", new { caption = "常委会会议", tags = new[] { "常委会" } });

        foreach (var response in new[] { notJson, notMultipart, noFile })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Matches("[\\u4e00-\\u9fff]", (await Json(response)).GetProperty("detail").GetString());
        }

        Assert.Equal("常委会会议", (await Json(edited)).GetProperty("caption").GetString());
    }

    /// <summary>A body that keeps producing bytes and counts how many were taken.</summary>
    private sealed class CountingContent(long length) : HttpContent
    {
        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            chunk[0] = 0xFF;
            chunk[1] = 0xD8;
            chunk[2] = 0xFF;
            while (Sent < length)
            {
                await stream.WriteAsync(chunk);
                Sent += chunk.Length;
                chunk[0] = 0;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
