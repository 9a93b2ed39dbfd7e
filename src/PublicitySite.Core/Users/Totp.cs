using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PublicitySite.Users;

/// <summary>
/// Time-based one-time passwords as every authenticator app computes them (RFC 6238: HMAC-SHA1, 30-second steps,
/// 6 digits), with the key in Base32 as Identity stores it and as the apps read it from the QR code.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>The time step a moment falls in (seconds since 1970 divided by 30).</summary>
    public static long StepAt(DateTimeOffset moment) => moment.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The 6-digit code of one step (RFC 4226's dynamic truncation).</summary>
    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        // RFC 6238 as authenticator apps implement it: HMAC-SHA1 is what they compute, and as a MAC it stays sound.
#pragma warning disable CA5350
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[19] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The step a code belongs to, looking one step either side of now (a phone's clock may be 30 s off), or null.
    /// Steps at or before <paramref name="usedUpTo"/> are not accepted again, so a seen code cannot be replayed.
    /// </summary>
    public static long? Match(string base32Key, string? code, DateTimeOffset now, long usedUpTo = -1)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || FromBase32(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }

        var current = StepAt(now);
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (step > usedUpTo && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(digits)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The address the apps read from the QR code (issuer and account shown in the app).</summary>
    public static string Uri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={base32Key}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period={StepSeconds}";

    /// <summary>The key in groups of four, lower case, for typing into an app by hand.</summary>
    public static string Grouped(string base32Key) =>
        string.Join(' ', base32Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>RFC 4648 Base32 without padding; null when a character is not in the alphabet.</summary>
    public static byte[]? FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            if (c == ' ' || c == '-')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
