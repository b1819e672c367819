using System.Diagnostics.CodeAnalysis;

namespace System.Runtime
{
    /// <summary>
    /// Features of the runtime that an image can leave out. Each is an ILC feature switch: the build passes
    /// <c>--feature:&lt;name&gt;=false</c> (src/Build/Compose.Image.targets, from the app's options), ILC
    /// compiles the property as that constant and drops the code behind it. Without the switch the property's
    /// body is the default.
    /// </summary>
    internal static class UkFeatures
    {
        /// <summary>
        /// Exception dispatch: catch, filters, finally and the unhandled-exception stack trace (the unwinder,
        /// the EH clause reader, the image's unwind tables). Off, every throw is a panic that prints the
        /// exception and the throw site and exits 134, as an uncaught exception does; the linker script then
        /// drops .eh_frame, .eh_frame_hdr and .dotnet_eh_table. Set by ukboot's EXCEPTIONS option.
        /// </summary>
        [FeatureSwitchDefinition("Uk.CoreLib.Exceptions")]
        internal static bool Exceptions => true;
    }
}
