// office-addin-mock imports office-addin-manifest, which pulls ESM-only modules jest cannot load.
// The mock only needs the OfficeApp enum from it, so that is all this stand-in provides.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
