using System;
using Compose;
using Compose.Libraries.UkCpio;
using Compose.Libraries.UkDebug;
using Compose.Libraries.UkLibParam;
using Compose.Libraries.UkSwRand;
using Compose.Libraries.UkTimeConv;

[assembly: UkApplication("pool2image")]
[assembly: Requires(typeof(IRandom))]
[assembly: Requires(typeof(TimeConv))]
[assembly: Requires(typeof(LibParamParser))]
[assembly: Requires(typeof(Cpio))]
[assembly: Requires(typeof(Pool2Image.Pool2ImageLibrary))]

namespace Pool2Image
{
    /// <summary>The app's own library, declaring its boot parameter <c>pool2data.archive</c>.</summary>
    [UkLibrary("pool2data", Description = "Pool II image test: the archive parameter")]
    public static class Pool2ImageLibrary
    {
        /// <summary>A newc cpio archive in hexadecimal, given on the command line.</summary>
        [UkParam("archive", Help = "a newc cpio archive in hexadecimal")]
        public static string Archive = "";
    }

    /// <summary>Prints deterministic results of the pool II libraries; the test compares hosted and image runs.</summary>
    public static class App
    {
        /// <summary>
        /// Arguments: library parameters (pool2data.archive=HEX among them), then '--' and app arguments. The boot
        /// sequence has parsed the parameters (uklibparam) before main; main sees only its own arguments.
        /// </summary>
        [UkMain]
        public static int Main(string[] args)
        {
            ChaCha();
            Random();
            Times();
            string archive = Pool2ImageLibrary.Archive;
            string app = "";
            for (int i = 0; i < args.Length; i++) app += (i == 0 ? "" : ",") + args[i];
            bool installed = LibParams.Current is not null && LibParams.GetString("pool2data", "archive", "?") == archive;
            Console.WriteLine("libparam ok level=" + UkDebugLibrary.BootLevel + " installed=" + (installed ? "1" : "0") + " archive=" + archive.Length + " app=" + app);
            return Archive(archive);
        }

        private static void ChaCha()
        {
            var key = new byte[32];
            for (int i = 0; i < 32; i++) key[i] = (byte)i;
            var nonce = new byte[12];
            nonce[3] = 0x09; nonce[7] = 0x4a;
            var block = new byte[64];
            ChaCha20.Block(key, 1, nonce, block);
            Console.WriteLine("chacha20 block " + Hex(block));
            nonce[3] = 0;
            var text = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."u8;
            var cipher = new byte[text.Length];
            ChaCha20.Xor(key, 1, nonce, text, cipher);
            Console.WriteLine("chacha20 cipher " + Hex(cipher));
        }

        private static void Random()
        {
            var seed = new byte[32];
            for (int i = 0; i < 32; i++) seed[i] = (byte)i;
            var g = new ChaCha20Generator();
            g.Seed(seed);
            var output = new byte[300];
            g.Fill(output);
            Console.WriteLine("swrand fixed " + Hex(output));
            var bound = UkApi<IRandom>.Instance;
            Console.WriteLine("swrand boot seeded=" + (bound is not null && bound.IsSeeded ? "1" : "0")
                + " source=" + (bound is SoftwareRandom s && s.SeedSourceName is string n ? n : "none"));
        }

        private static void Times()
        {
            long[] seconds = { 0, 951782400, 2147483647, 2147483648, -1, -2208988800, -62135596800, 253402300799, long.MinValue, long.MaxValue };
            for (int i = 0; i < seconds.Length; i++)
            {
                var c = TimeConv.ToCalendar(new TimeSpec(seconds[i], 123456789));
                bool back = TimeConv.TryFromCalendar(c, out var t) && t.Seconds == seconds[i] && t.Nanoseconds == 123456789;
                Console.WriteLine("time " + seconds[i] + " " + c.Year + "-" + c.Month + "-" + c.Day + " " + c.Hour + ":" + c.Minute + ":" + c.Second
                    + " dow=" + c.DayOfWeek + " doy=" + c.DayOfYear + " back=" + (back ? "ok" : "FAIL"));
            }
            var iso = new byte[TimeFormat.Iso8601Length];
            int written = TimeFormat.WriteIso8601(TimeConv.ToCalendar(2147483648L * 1_000_000_000 + 5), iso);
            string isoText = "";
            for (int i = 0; i < written; i++) isoText += (char)iso[i];
            Console.WriteLine("iso " + isoText);
        }

        private static int Archive(string hex)
        {
            if (hex.Length % 2 != 0) { Console.WriteLine("archive: odd hex length"); return 3; }
            var bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(Nibble(hex[2 * i]) << 4 | Nibble(hex[2 * i + 1]));
            var reader = new CpioReader(bytes);
            var path = new byte[256];
            while (reader.TryNext(out var e))
            {
                uint sum = 0;
                for (int i = 0; i < e.Data.Length; i++) sum += e.Data[i];
                string name = "";
                for (int i = 0; i < e.Name.Length; i++) name += (char)e.Name[i];
                var pathError = CpioPath.Normalize(e.Name, path, out int length);
                string normalized = "";
                for (int i = 0; i < length; i++) normalized += (char)path[i];
                Console.WriteLine("cpio " + name + " type=" + (e.IsDirectory ? "dir" : e.IsSymlink ? "link" : e.IsRegularFile ? "file" : "other")
                    + " size=" + e.Data.Length + " sum=" + sum + " path=" + (pathError == CpioPathError.None ? normalized : "REFUSED"));
            }
            Console.WriteLine(reader.AtEnd ? "cpio end" : reader.ErrorMessage);
            return reader.AtEnd ? 0 : 4;
        }

        private static int Nibble(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private static string Hex(ReadOnlySpan<byte> bytes)
        {
            const string digits = "0123456789abcdef";
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 15];
            }
            return new string(chars);
        }
    }
}
