// Starts the vendored Swagger UI on this project's own OpenAPI document (nothing from a CDN).
const root = document.getElementById("swagger-ui");
window.ui = window.SwaggerUIBundle({
  url: root.dataset.schemaUrl,
  domNode: root,
  deepLinking: true,
  validatorUrl: null,
  supportedSubmitMethods: ["get", "head"],
});
