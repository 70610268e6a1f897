// office-addin-mock imports office-addin-manifest, which pulls ESM-only modules jest cannot load.
// The mock never uses it at run time in our tests, so an empty module stands in for it.
module.exports = {};
