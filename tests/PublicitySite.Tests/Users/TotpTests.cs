using PublicitySite.Users;

namespace PublicitySite.Tests.Users;

/// <summary>The codes are the ones every authenticator app computes: RFC 6238's SHA-1 test values, cut to 6 digits.</summary>
public sealed class TotpTests
{
    /// <summary>RFC 6238's SHA-1 seed "12345678901234567890" in Base32, as an app would read it from the QR code.</summary>
    private const string Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void The_code_matches_the_rfc_test_values(long unixSeconds, string expected)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(expected, Totp.Code(Totp.FromBase32(Key)!, Totp.StepAt(at)));
        Assert.Equal(Totp.StepAt(at), Totp.Match(Key.ToLowerInvariant(), expected, at));
    }

    [Fact]
    public void A_code_is_taken_one_step_either_side_of_now_and_not_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = Totp.StepAt(now);
        var key = Totp.FromBase32(Key)!;

        Assert.Equal(step - 1, Totp.Match(Key, Totp.Code(key, step - 1), now));
        Assert.Equal(step + 1, Totp.Match(Key, Totp.Code(key, step + 1), now));
        Assert.Null(Totp.Match(Key, Totp.Code(key, step - 2), now));
        Assert.Null(Totp.Match(Key, Totp.Code(key, step + 2), now));
    }

    [Fact]
    public void A_code_of_a_step_already_used_is_refused_and_garbage_is_no_code()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = Totp.StepAt(now);
        var code = Totp.Code(Totp.FromBase32(Key)!, step);

        Assert.Null(Totp.Match(Key, code, now, usedUpTo: step));
        Assert.Equal(step, Totp.Match(Key, code[..3] + " " + code[3..], now, usedUpTo: step - 1));
        Assert.Null(Totp.Match(Key, "12345", now));
        Assert.Null(Totp.Match(Key, "12a456", now));
        Assert.Null(Totp.Match("not base32!", code, now));
        Assert.Null(Totp.Match(Key, null, now));
    }

    [Fact]
    public void The_address_for_the_qr_code_names_the_issuer_account_and_parameters()
    {
        var uri = Totp.Uri("政协网站", "admin", Key);
        Assert.StartsWith("otpauth://totp/%E6%94%BF%E5%8D%8F%E7%BD%91%E7%AB%99:admin?secret=" + Key, uri, StringComparison.Ordinal);
        Assert.Contains("&algorithm=SHA1&digits=6&period=30", uri, StringComparison.Ordinal);
        Assert.Equal("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", Totp.Grouped(Key));
    }
}
