package fi.kohtaamo.shared;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a handler take the signed-in {@link Actor}; a request without one is refused as forbidden. */
@Component
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final ActorProvider actors;

    ActorArgumentResolver(@org.springframework.context.annotation.Lazy ActorProvider actors) {
        this.actors = actors;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return actors.current().orElseThrow(() -> new KohtaamoException.Forbidden("not signed in"));
    }
}
