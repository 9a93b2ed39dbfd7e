using System.Buffers.Binary;
using System.Text;

namespace PublicitySite.Media;

/// <summary>What the bytes of an upload say it is, and whether its structure holds together.</summary>
internal sealed record FileInspection(MediaFormat? Format, string? Problem, int Frames = 1);

/// <summary>
/// Decides a file's type from its signature (never its name or the client's content type) and walks its
/// container structure without decoding pixels: a truncated file, a lying signature or markup hidden in
/// metadata or after the end marker is caught here in microseconds, before any decoder sees the file.
/// </summary>
public static class FileSignatures
{
    /// <summary>Also what <see cref="OfficeFiles"/> says of a damaged Office file.</summary>
    internal const string Truncated = "文件内容不完整（可能上传中断或文件已损坏）";
    internal const string Corrupt = "文件结构已损坏，无法识别";
    private const string HiddenMarkup = "文件中夹带网页或脚本代码，出于安全原因不予接收";

    // Markup that turns a file into an HTML/script polyglot when a browser sniffs it.
    private static readonly byte[][] Markers = new[]
    {
        "<script", "<html", "<body", "<iframe", "<svg", "<?php", "<!doctype", "javascript:", "<object", "<embed",
    }.Select(Encoding.ASCII.GetBytes).ToArray();

    public static MediaFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return MediaFormat.Jpeg;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaFormat.Png;
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return MediaFormat.Gif;
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaFormat.Webp;
        }

        return data.StartsWith("%PDF-"u8) ? MediaFormat.Pdf : OfficeFiles.Detect(data);
    }

    internal static FileInspection Inspect(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return new FileInspection(null, "文件为空（0 字节）");
        }

        if (Detect(data) is not { } format)
        {
            return new FileInspection(null, OfficeFiles.WhyUnsupported(data) ?? $"不支持的文件类型。仅接受 {MediaFormats.AcceptedList}（按文件内容判断，与文件名无关）");
        }

        var metadata = new List<Range>();
        var frames = 1;
        var problem = format switch
        {
            MediaFormat.Jpeg => WalkJpeg(data, metadata),
            MediaFormat.Png => WalkPng(data, metadata),
            MediaFormat.Gif => WalkGif(data, metadata, out frames),
            MediaFormat.Webp => WalkWebp(data, metadata),
            MediaFormat.Pdf => CheckPdf(data),
            _ => OfficeFiles.Check(data, format),
        };
        foreach (var range in metadata)
        {
            if (problem is null && ContainsMarkup(data[range]))
            {
                problem = HiddenMarkup;
            }
        }

        return new FileInspection(format, problem, frames);
    }

    /// <summary>True when <paramref name="data"/> holds HTML or script markup (ASCII, any case).</summary>
    public static bool ContainsMarkup(ReadOnlySpan<byte> data)
    {
        foreach (var marker in Markers)
        {
            for (var from = 0; from < data.Length;)
            {
                var at = data[from..].IndexOf(marker[0]);
                if (at < 0)
                {
                    break;
                }

                from += at;
                if (from + marker.Length <= data.Length && EqualsIgnoreCase(data.Slice(from, marker.Length), marker))
                {
                    return true;
                }

                from++;
            }
        }

        return false;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(a[i] | 0x20) : a[i];
            if (x != b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Segments up to the first scan are metadata; the image must end with EOI after that scan.</summary>
    private static string? WalkJpeg(ReadOnlySpan<byte> data, List<Range> metadata)
    {
        var pos = 2;
        while (true)
        {
            if (pos + 4 > data.Length)
            {
                return Truncated;
            }

            if (data[pos] != 0xFF)
            {
                return Corrupt;
            }

            var marker = data[pos + 1];
            if (marker == 0xFF)
            {
                pos++;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2;
                continue;
            }

            if (marker == 0xD9)
            {
                return Corrupt; // end of image before any scan: no picture in it
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > data.Length)
            {
                return Truncated;
            }

            if (marker == 0xDA)
            {
                metadata.Add(new Range(0, pos));
                // Entropy-coded data stuffs every 0xFF, so FF D9 after the first scan can only be the real end.
                var end = data[(pos + 2 + length)..].LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]);
                if (end < 0)
                {
                    return Truncated;
                }

                metadata.Add(new Range(pos + 2 + length + end + 2, data.Length));
                return null;
            }

            pos += 2 + length;
        }
    }

    private static string? WalkPng(ReadOnlySpan<byte> data, List<Range> metadata)
    {
        var pos = 8;
        var first = true;
        while (pos + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            var type = data.Slice(pos + 4, 4);
            if (first && !type.SequenceEqual("IHDR"u8))
            {
                return Corrupt;
            }

            first = false;
            if (length > int.MaxValue || pos + 12L + length > data.Length)
            {
                return Truncated;
            }

            if (type.SequenceEqual("IEND"u8))
            {
                metadata.Add(new Range(pos + 12, data.Length));
                return null;
            }

            if (!type.SequenceEqual("IDAT"u8) && !type.SequenceEqual("fdAT"u8))
            {
                metadata.Add(new Range(pos + 8, pos + 8 + (int)length));
            }

            pos += 12 + (int)length;
        }

        return Truncated;
    }

    /// <summary>Walks the GIF blocks (counting frames) up to the trailer byte.</summary>
    private static string? WalkGif(ReadOnlySpan<byte> data, List<Range> metadata, out int frames)
    {
        frames = 0;
        if (data.Length < 13)
        {
            return Truncated;
        }

        var pos = 13 + ColorTableSize(data[10]);
        metadata.Add(new Range(0, Math.Min(pos, data.Length)));
        while (pos < data.Length)
        {
            switch (data[pos])
            {
                case 0x3B:
                    metadata.Add(new Range(pos, data.Length));
                    return frames == 0 ? Corrupt : null;
                case 0x21:
                    var start = pos;
                    if (!SkipSubBlocks(data, ref pos, pos + 2))
                    {
                        return Truncated;
                    }

                    metadata.Add(new Range(start, pos));
                    break;
                case 0x2C:
                    if (pos + 11 > data.Length)
                    {
                        return Truncated;
                    }

                    frames++;
                    if (!SkipSubBlocks(data, ref pos, pos + 10 + ColorTableSize(data[pos + 9]) + 1))
                    {
                        return Truncated;
                    }

                    break;
                default:
                    return Corrupt;
            }
        }

        return Truncated;
    }

    private static int ColorTableSize(byte flags) => (flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0;

    private static bool SkipSubBlocks(ReadOnlySpan<byte> data, ref int pos, int from)
    {
        var at = from;
        while (at < data.Length)
        {
            var size = data[at];
            at += 1 + size;
            if (size == 0)
            {
                pos = at;
                return at <= data.Length;
            }
        }

        return false;
    }

    private static string? WalkWebp(ReadOnlySpan<byte> data, List<Range> metadata)
    {
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffEnd > data.Length)
        {
            return Truncated;
        }

        var pos = 12;
        var image = false;
        while (pos + 8 <= riffEnd)
        {
            var type = data.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 4)..]);
            var next = pos + 8L + size + (size & 1);
            if (pos + 8L + size > riffEnd)
            {
                return Truncated;
            }

            var payload = type.SequenceEqual("VP8 "u8) || type.SequenceEqual("VP8L"u8) || type.SequenceEqual("ALPH"u8) || type.SequenceEqual("ANMF"u8);
            image |= payload;
            if (!payload)
            {
                metadata.Add(new Range(pos, pos + 8 + (int)size));
            }

            pos = (int)Math.Min(next, riffEnd);
        }

        metadata.Add(new Range((int)riffEnd, data.Length));
        return image ? null : Corrupt;
    }

    /// <summary>
    /// A PDF is stored as sent (it cannot be re-encoded), so anything active in it is refused. Names hidden in
    /// compressed object streams escape this check; the download headers (nosniff, its own type) still hold.
    /// </summary>
    private static string? CheckPdf(ReadOnlySpan<byte> data)
    {
        var tail = data[Math.Max(0, data.Length - 2048)..];
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            return Truncated;
        }

        foreach (var name in new[] { "/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/RichMedia", "/XFA" })
        {
            if (ContainsName(data, Encoding.ASCII.GetBytes(name)))
            {
                return "PDF 中含有脚本、附件或自动执行的动作，出于安全原因不予接收。请另存为普通 PDF 后再上传";
            }
        }

        return ContainsMarkup(data[..Math.Min(data.Length, 4096)]) || ContainsMarkup(tail) ? HiddenMarkup : null;
    }

    /// <summary>A PDF name token: <c>/JS</c> counts, <c>/JSON</c> does not.</summary>
    private static bool ContainsName(ReadOnlySpan<byte> data, ReadOnlySpan<byte> name)
    {
        for (var from = 0; from < data.Length;)
        {
            var at = data[from..].IndexOf(name);
            if (at < 0)
            {
                return false;
            }

            var end = from + at + name.Length;
            if (end >= data.Length || !char.IsAsciiLetterOrDigit((char)data[end]))
            {
                return true;
            }

            from = end;
        }

        return false;
    }
}
