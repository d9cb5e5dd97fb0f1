// The rules under rules/, compiled in by the EmbedRules build plugin (which also validates them:
// a broken rule file fails the build with its file:line:col). See BundledRules.files.
