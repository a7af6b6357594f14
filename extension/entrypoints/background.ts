export default defineBackground(() => {
  // Wiring lands with the extension issue; the entrypoint must exist for WXT to build.
});
