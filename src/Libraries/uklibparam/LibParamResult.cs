namespace Compose.Libraries.UkLibParam
{
    /// <summary>Outcome of <see cref="LibParamParser.Parse(LibParam[], string[], string[])"/>.</summary>
    public enum LibParamStatus
    {
        /// <summary>Parameters parsed; boot goes on with <see cref="LibParamResult.AppArgs"/>.</summary>
        Ok,

        /// <summary><c>--help</c> was given before <c>--</c>: print <see cref="LibParamParser.Help"/> and stop.</summary>
        Help,

        /// <summary>A parameter or a declaration is wrong: print <see cref="LibParamResult.Error"/> and exit non-zero before main.</summary>
        Error,
    }

    /// <summary>The parsed parameter values (parallel to the declaration table) and the application's arguments.</summary>
    public sealed class LibParamResult
    {
        internal LibParamResult(LibParam[] table, LibParamValue[] values, LibParamStatus status, string error, string[] appArgs, int kernelArgCount)
        {
            Table = table; Values = values; Status = status; Error = error; AppArgs = appArgs; KernelArgCount = kernelArgCount;
        }

        /// <summary>Whether parsing succeeded, asked for help or failed.</summary>
        public LibParamStatus Status { get; }

        /// <summary>The message for <see cref="LibParamStatus.Error"/>, naming the library, the parameter and the argument; empty otherwise.</summary>
        public string Error { get; }

        /// <summary>The declarations the values belong to.</summary>
        public LibParam[] Table { get; }

        /// <summary>One value per declaration, same order as <see cref="Table"/>.</summary>
        public LibParamValue[] Values { get; }

        /// <summary>The arguments left for the application (after <c>--</c>, or after the leading parameters).</summary>
        public string[] AppArgs { get; }

        /// <summary>How many arguments were taken as kernel arguments (the <c>--</c> included).</summary>
        public int KernelArgCount { get; }

        /// <summary>Index of <c>library.name</c> in <see cref="Table"/>, or -1.</summary>
        public int IndexOf(string library, string name)
        {
            for (int i = 0; i < Table.Length; i++)
                if (Table[i].Library == library && Table[i].Name == name) return i;
            return -1;
        }

        /// <summary>The value of int parameter <c>library.name</c>; false when there is none of that type.</summary>
        public bool TryGetInt(string library, string name, out long value)
        {
            int i = IndexOf(library, name);
            value = i >= 0 ? Values[i].Int : 0;
            return i >= 0 && Table[i].Type == LibParamType.Int;
        }

        /// <summary>The value of bool parameter <c>library.name</c>; false when there is none of that type.</summary>
        public bool TryGetBool(string library, string name, out bool value)
        {
            int i = IndexOf(library, name);
            value = i >= 0 && Values[i].Bool;
            return i >= 0 && Table[i].Type == LibParamType.Bool;
        }

        /// <summary>The value of string parameter <c>library.name</c>; false when there is none of that type.</summary>
        public bool TryGetString(string library, string name, out string value)
        {
            int i = IndexOf(library, name);
            value = i >= 0 && Values[i].String is string s ? s : "";
            return i >= 0 && Table[i].Type == LibParamType.String;
        }
    }
}
