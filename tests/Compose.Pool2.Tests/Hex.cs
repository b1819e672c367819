using System;

namespace Compose.Pool2.Tests
{
    /// <summary>Hex dumps as printed in RFC 8439 (whitespace and ':' ignored).</summary>
    internal static class Hex
    {
        public static byte[] Parse(string text)
        {
            var clean = new System.Text.StringBuilder();
            foreach (char c in text) if (Uri.IsHexDigit(c)) clean.Append(c);
            return Convert.FromHexString(clean.ToString());
        }
    }
}
