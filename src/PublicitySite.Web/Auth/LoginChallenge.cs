using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace PublicitySite.Web.Auth;

/// <summary>A sum to answer: the picture the site drew of it, and the same question in words for screen readers.</summary>
public sealed record ChallengeQuestion(string Id, string Question, string ImageDataUrl);

/// <summary>
/// The question asked after repeated failed sign-ins: a small sum drawn by the site itself (no outside
/// service), with 「七加五等于几？」 as its alternative text so a screen reader user can answer too.
/// The answer is kept on the server, for one use, ten minutes.
/// </summary>
public sealed class LoginChallenge(IMemoryCache cache)
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public ChallengeQuestion Issue()
    {
        var a = RandomNumberGenerator.GetInt32(1, 10);
        var b = RandomNumberGenerator.GetInt32(1, 10);
        var plus = RandomNumberGenerator.GetInt32(2) == 0 || a < b;
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        cache.Set("login-challenge:" + id, plus ? a + b : a - b, TimeSpan.FromMinutes(10));
        var picture = ChallengePicture.DrawPng($"{a}{(plus ? '+' : '-')}{b}=?");
        return new(id, $"{Digits[a]}{(plus ? "加" : "减")}{Digits[b]}等于几？（请填阿拉伯数字）", "data:image/png;base64," + Convert.ToBase64String(picture));
    }

    public bool Check(string? id, string? answer)
    {
        if (string.IsNullOrEmpty(id) || !cache.TryGetValue("login-challenge:" + id, out int expected))
        {
            return false;
        }

        cache.Remove("login-challenge:" + id);
        return int.TryParse(answer?.Trim(), out var given) && given == expected;
    }
}
