using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PublicitySite.Webhooks;

/// <summary>
/// <c>X-Publicity-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the hook's secret&gt;</c>.
/// The timestamp is signed too, so a receiver can refuse old deliveries replayed later.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-Publicity-Signature";

    public static string Create(string secret, long timestamp, string body) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Hmac(secret, timestamp, body)}";

    /// <summary>What a receiver does: checks the MAC and that the timestamp is recent.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var mac)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Hmac(secret, timestamp, body));
        return Math.Abs(now.ToUnixTimeSeconds() - timestamp) <= tolerance.TotalSeconds
            && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac));
    }

    private static string Hmac(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));
}
