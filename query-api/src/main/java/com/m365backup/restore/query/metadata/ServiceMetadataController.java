package com.m365backup.restore.query.metadata;

import com.m365backup.restore.domain.request.GraphPaths;
import com.m365backup.restore.query.graph.QueryOptions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The service's metadata document, at the root and under {@code /beta} and {@code /v1.0} as every service root the
 * context URLs name: OData 4.0 CSDL XML, written once from the service model.
 */
@RestController
class ServiceMetadataController {

    private final String document;

    ServiceMetadataController(List<ServiceModelPart> parts) {
        this.document = CsdlDocument.of(ServiceModel.of(parts));
    }

    @GetMapping(value = {"/$metadata", GraphPaths.BETA + "/$metadata", GraphPaths.V1_0 + "/$metadata"},
            produces = MediaType.APPLICATION_XML_VALUE)
    String metadata(HttpServletRequest request) {
        QueryOptions.requireNone(request);
        return document;
    }
}
