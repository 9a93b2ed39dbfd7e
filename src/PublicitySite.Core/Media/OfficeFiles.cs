using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PublicitySite.Media;

/// <summary>
/// Word and Excel files, old (OLE compound file: .doc, .xls) and new (ZIP package: .docx, .xlsx). The kind is
/// read from the container's own directory, never the name. Files carrying macros or ActiveX controls are
/// refused: an attachment the public downloads from a government site must not be able to run code.
/// </summary>
internal static class OfficeFiles
{
    private const string Truncated = FileSignatures.Truncated;
    private const string Corrupt = FileSignatures.Corrupt;
    private const string Macros = "文件中含有宏或控件代码，出于安全原因不予接收。请另存为不含宏的 .docx/.xlsx 后再上传";
    private const int DirectoryEntrySize = 128;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static MediaFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(OleMagic))
        {
            var names = OleNames(data);
            return names.Contains("WordDocument") ? MediaFormat.Doc
                : names.Contains("Workbook") || names.Contains("Book") ? MediaFormat.Xls
                : null;
        }

        // Entry names are stored uncompressed in every local header, so they can be found without unzipping.
        if (data.StartsWith("PK\u0003\u0004"u8))
        {
            return data.IndexOf("word/document.xml"u8) >= 0 ? MediaFormat.Docx
                : data.IndexOf("xl/workbook.xml"u8) >= 0 ? MediaFormat.Xlsx
                : null;
        }

        return null;
    }

    /// <summary>Why an OLE file that is no Word or Excel file was refused, when the reason is worth saying.</summary>
    public static string? WhyUnsupported(ReadOnlySpan<byte> data) =>
        data.StartsWith(OleMagic) && OleNames(data).Contains("EncryptedPackage")
            ? "文件设置了打开密码，无法检查其内容。请取消密码后再上传"
            : null;

    public static string? Check(ReadOnlySpan<byte> data, MediaFormat format) =>
        format is MediaFormat.Doc or MediaFormat.Xls ? CheckOle(data) : CheckPackage(data);

    private static string? CheckOle(ReadOnlySpan<byte> data)
    {
        if (data.Length < 512 || SectorSize(data) is not { } sectorSize || data.Length < 512 + sectorSize)
        {
            return Truncated;
        }

        var names = OleNames(data);
        if (names.Contains("Macros") || names.Contains("_VBA_PROJECT_CUR") || names.Contains("VBA"))
        {
            return Macros;
        }

        return HighestUsedSector(data, sectorSize) is { } highest && 512L + ((highest + 1L) * sectorSize) > data.Length ? Truncated : null;
    }

    private static string? CheckPackage(ReadOnlySpan<byte> data)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not { } types)
            {
                return Corrupt;
            }

            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.ToLowerInvariant();
                if (name.EndsWith("vbaproject.bin", StringComparison.Ordinal) || name.Contains("/activex/", StringComparison.Ordinal))
                {
                    return Macros;
                }
            }

            // A macro-enabled package renamed to .docx still declares itself so here.
            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            var buffer = new char[64 * 1024];
            var declared = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
            return declared.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) ? Macros : null;
        }
        catch (InvalidDataException)
        {
            return Truncated;
        }
    }

    private static int? SectorSize(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt16LittleEndian(data[30..]) switch
    {
        9 => 512,
        12 => 4096,
        _ => null,
    };

    /// <summary>
    /// The names in the compound file's directory. Directory sectors sit on sector boundaries, so every
    /// 128-byte slot after the header is looked at and only well-formed entries count.
    /// </summary>
    private static HashSet<string> OleNames(ReadOnlySpan<byte> data)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var at = 512; at + DirectoryEntrySize <= data.Length; at += DirectoryEntrySize)
        {
            var entry = data.Slice(at, DirectoryEntrySize);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
            var type = entry[66];
            if (length is >= 4 and <= 64 && length % 2 == 0 && type is 1 or 2 or 5 && entry[length - 2] == 0 && entry[length - 1] == 0)
            {
                names.Add(Encoding.Unicode.GetString(entry[..(length - 2)]));
            }
        }

        return names;
    }

    /// <summary>The last sector the allocation table says is in use, from the tables listed in the header.</summary>
    private static long? HighestUsedSector(ReadOnlySpan<byte> data, int sectorSize)
    {
        long? highest = null;
        for (var slot = 0; slot < 109; slot++)
        {
            var fatSector = BinaryPrimitives.ReadUInt32LittleEndian(data[(76 + (slot * 4))..]);
            if (fatSector is FreeSector or EndOfChain)
            {
                continue;
            }

            var start = 512L + ((long)fatSector * sectorSize);
            if (start + sectorSize > data.Length)
            {
                return data.Length / sectorSize;
            }

            var table = data.Slice((int)start, sectorSize);
            for (var i = 0; i < sectorSize / 4; i++)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(table[(i * 4)..]) != FreeSector)
                {
                    highest = Math.Max(highest ?? 0, (slot * (sectorSize / 4L)) + i);
                }
            }
        }

        return highest;
    }
}
