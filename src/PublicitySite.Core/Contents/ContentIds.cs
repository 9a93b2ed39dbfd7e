using System.Security.Cryptography;

namespace PublicitySite.Contents;

/// <summary>Short, unguessable ids for content items (12 characters of base32, 60 bits).</summary>
public static class ContentIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 26 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
